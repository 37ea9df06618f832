//! Runs the I/O experiments in order and prints what they measured: the
//! four modes against the slow service, the scale-up, the files. Every
//! line fits 80 columns, the lesson's word early in it.

use std::time::Duration;

use shared::cli::say;
use shared::format;
use shared::measure::Measurement;
use shared::record::Record;

use super::calls::{self, CallsMode, CallsRun};
use super::files::{self, FileSet, FilesMode, FilesRun};
use super::scale::{self, ScaleRun};
use super::service::ServiceProcess;
use super::{NetConfig, NetError, limits};

/// Everything one run measured.
#[derive(Debug, Default)]
pub struct NetResults {
    /// The four modes (fewer if Ctrl-C came).
    pub calls: Vec<CallsRun>,
    /// Tasks, then threads.
    pub scale: Vec<ScaleRun>,
    /// The three ways to read files.
    pub files: Vec<FilesRun>,
    /// Ctrl-C cut the run short.
    pub stopped: bool,
}

impl NetResults {
    /// Requests or connections that failed, over all parts.
    pub fn failures(&self) -> usize {
        let calls: usize = self.calls.iter().map(|run| run.failed.len()).sum();
        calls + self.scale.iter().map(|run| run.failed).sum::<usize>()
    }
}

// ANCHOR: run
/// Starts the service, runs the four modes, the scale-up and the files,
/// printing as it goes. The service is stopped (killed and reaped) when
/// this returns, whichever way.
pub fn run(config: &NetConfig) -> Result<NetResults, NetError> {
    let mut results = NetResults::default();
    let service = ServiceProcess::start(config)?;
    say(format!(
        "I/O on real sockets: {} clients, one request each, to a slow\n\
         service on 127.0.0.1 (a child process) that answers after {}.",
        config.clients,
        format::duration(config.wait)
    ));
    for mode in CallsMode::ALL {
        if config.shutdown.is_requested() {
            break;
        }
        say(format!("\n{}", header(mode, config.clients)));
        let run = calls::run(mode, service.addr, config.clients);
        calls_lines(&run).into_iter().for_each(say);
        results.calls.push(run);
    }
    if results.calls.len() > 1 {
        say("");
        summary(config, &results.calls).into_iter().for_each(say);
    }
    if config.scale > 0 && !config.shutdown.is_requested() {
        say("");
        results.scale = scale_up(config, &service);
    }
    drop(service);
    if !config.shutdown.is_requested() {
        say("");
        results.files = read_files(config)?;
    }
    results.stopped = config.shutdown.is_requested();
    Ok(results)
}
// ANCHOR_END: run

fn header(mode: CallsMode, n: usize) -> String {
    let how = match mode {
        CallsMode::Loop => "as tasks on one event loop (tokio current-thread)",
        CallsMode::Threads => "on as many OS threads, blocking std::net",
        CallsMode::Gil => "on as many threads under the GIL model",
        CallsMode::Tasks => "as tasks on the multi-thread runtime",
    };
    format!("{}: {n} requests {how}", mode.name())
}

fn calls_lines(run: &CallsRun) -> Vec<String> {
    let m = &run.measurement;
    let mut lines = vec![
        format!(
            "  {}: up to {} requests waiting at once; {} of {} answered",
            run.verdict(),
            run.most_at_once(),
            run.answered.len(),
            run.clients
        ),
        format!(
            "  wall {}, CPU {}: used {:.2} of {}",
            format::duration(m.wall),
            format::duration(m.cpu.total()),
            m.cores_used(),
            cores(m.cores)
        ),
    ];
    if let Some((client, why)) = run.failed.first() {
        lines.push(format!(
            "  FAILED: {} of {}; client {client}: {why}",
            run.failed.len(),
            run.clients
        ));
    }
    lines
}

fn summary(config: &NetConfig, runs: &[CallsRun]) -> Vec<String> {
    let mut lines = vec![format!(
        "Summary of {} requests that each wait {}:",
        config.clients,
        format::duration(config.wait)
    )];
    lines.push(format!(
        "  {:<8} {:>9} {:>9}  {:<12} {}",
        "mode", "wall", "CPU", "cores used", "verdict"
    ));
    for run in runs {
        let m = &run.measurement;
        lines.push(format!(
            "  {:<8} {:>9} {:>9}  {:<12} {}",
            run.mode.name(),
            format::duration(m.wall),
            format::duration(m.cpu.total()),
            format!("{:.2} of {}", m.cores_used(), m.cores),
            run.verdict()
        ));
    }
    lines.push(
        "- every mode overlapped its waits, the GIL model too: the lock is\n  \
         let go around each blocking socket call"
            .to_string(),
    );
    lines
}

// ANCHOR: scale_up
/// The scale-up, with as many connections as the descriptor limit allows.
fn scale_up(config: &NetConfig, service: &ServiceProcess) -> Vec<ScaleRun> {
    let limit = limits::raise_to_hard().unwrap_or(u64::MAX);
    let fits = limits::connections_that_fit(limit);
    let n = config.scale.min(fits);
    if n < config.scale {
        say(format!(
            "note: {limit} open files allowed (hard limit): {n} connections fit"
        ));
    }
    say(format!(
        "Scale-up: {n} connections open at once, then one request each.\n  \
         listen backlog {} (asked {}, capped by net.core.somaxconn)",
        service.backlog,
        super::service::BACKLOG_ASKED
    ));
    if n == 0 {
        return Vec::new();
    }
    let mut runs = Vec::new();
    // Tasks first, on a heap the threads have not used yet.
    for kind in ["tasks", "threads"] {
        if config.shutdown.is_requested() {
            break;
        }
        let (mut run, measured) = shared::measure::measure(|| match kind {
            "tasks" => scale::tasks(service.addr, n, config.shutdown),
            _ => scale::threads(service.addr, n, config.shutdown),
        });
        run.measured = Some(measured);
        scale_lines(&run).into_iter().for_each(say);
        runs.push(run);
    }
    if let [tasks, threads] = &runs[..] {
        comparison(tasks, threads).into_iter().for_each(say);
    }
    runs
}
// ANCHOR_END: scale_up

fn scale_lines(run: &ScaleRun) -> Vec<String> {
    let what = match run.kind {
        "threads" => format!("threads ({} stacks)", memory(scale::THREAD_STACK as f64)),
        kind => kind.to_string(),
    };
    let mut lines = vec![format!(
        "{what}: {} connected in {} ({} each)",
        run.started,
        format::duration(run.startup),
        format::duration(run.startup_each())
    )];
    if let (Some(growth), Some(each)) = (run.resident_growth, run.resident_each()) {
        lines.push(format!(
            "  resident memory +{} ({} each)",
            memory(growth as f64),
            memory(each)
        ));
    }
    let failed = if run.failed == 0 {
        "0 failed".to_string()
    } else {
        format!(
            "FAILED {}: {}",
            run.failed,
            run.first_failure.clone().unwrap_or_default()
        )
    };
    lines.push(format!(
        "  {} answered {} after the gate; {failed}",
        run.answered,
        format::duration(run.all_answered)
    ));
    lines.push(format!(
        "  connects retried after a dropped SYN: {}; slowest {}",
        run.slow_connects,
        format::duration(run.slowest_connect)
    ));
    if let Some(reason) = &run.refused {
        lines.push(format!("  the OS refused thread {}: {reason}", run.started + 1));
    }
    lines
}

// ANCHOR: comparison
/// "per connection, a task started 6× faster than a thread" and "held 9×
/// less memory", turned round if a thread came out cheaper.
fn comparison(tasks: &ScaleRun, threads: &ScaleRun) -> Vec<String> {
    let ratio = |thread: f64, task: f64| (task > 0.0).then(|| thread / task);
    let startup =
        ratio(threads.startup_each().as_secs_f64(), tasks.startup_each().as_secs_f64());
    let memory = ratio(
        threads.resident_each().unwrap_or(0.0),
        tasks.resident_each().unwrap_or(0.0),
    );
    let mut lines = vec![match startup {
        Some(r) if r >= 1.0 => {
            format!("per connection, a task started {r:.1}× faster than a thread")
        }
        Some(r) => {
            format!("per connection, a thread started {:.1}× faster than a task", 1.0 / r)
        }
        None => "per connection, a task started too fast to measure".to_string(),
    }];
    lines.push(match memory {
        Some(r) if r >= 1.0 => format!("  and held {r:.1}× less resident memory"),
        Some(r) => format!("  and held {:.1}× more resident memory", 1.0 / r),
        None => "  and held too little memory to measure".to_string(),
    });
    lines
}
// ANCHOR_END: comparison

fn read_files(config: &NetConfig) -> Result<Vec<FilesRun>, NetError> {
    let set = FileSet::create(config.clients.min(files::MAX_FILES))
        .map_err(|err| NetError(format!("cannot write the test files: {err}")))?;
    say(format!(
        "Files: {} files of {} in a temp dir, read back three ways.",
        set.paths.len(),
        memory(files::FILE_SIZE as f64)
    ));
    let mut runs = Vec::new();
    for mode in FilesMode::ALL {
        let run = files::run(mode, &set);
        let m = &run.measurement;
        say(format!(
            "{}: {} of {} intact; wall {}, CPU {}",
            mode.name(),
            run.read_ok,
            run.files,
            format::duration(m.wall),
            format::duration(m.cpu.total())
        ));
        say(format!("  {}", threads_line(&run)));
        runs.push(run);
    }
    Ok(runs)
}

fn threads_line(run: &FilesRun) -> String {
    match run.mode {
        FilesMode::OneAfterAnother => "no thread started: this thread read them".into(),
        FilesMode::Threads => {
            format!("{} threads started, one per file", run.threads_started)
        }
        FilesMode::TokioFs => format!(
            "{} blocking threads started by tokio::fs for 1 loop thread",
            run.threads_started
        ),
    }
}

fn cores(n: usize) -> String {
    format!("{n} core{}", if n == 1 { "" } else { "s" })
}

/// A byte count: `512 bytes`, `3.91 KiB`, `38.1 MiB`.
pub fn memory(count: f64) -> String {
    let (mut value, mut unit) = (count, "bytes");
    for next in ["KiB", "MiB", "GiB"] {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = next;
    }
    match (unit, value) {
        ("bytes", _) => format!("{value:.0} bytes"),
        (_, v) if v < 10.0 => format!("{v:.2} {unit}"),
        (_, v) if v < 100.0 => format!("{v:.1} {unit}"),
        _ => format!("{value:.0} {unit}"),
    }
}

// ANCHOR: records
/// One record per measured row, for `--json`.
pub fn records(results: &NetResults, version: &str) -> Vec<Record> {
    let mut records = Vec::new();
    let record = |experiment: &str, variant: &str, m: &Measurement| Record {
        variant: Some(variant.to_string()),
        ..Record::measured(experiment, "rust", version, 0, m)
    };
    for run in &results.calls {
        records.push(Record {
            calls: Some(run.clients),
            workers: run.workers,
            verdict: Some(run.verdict().to_string()),
            ..record("io_calls", run.mode.variant(), &run.measurement)
        });
    }
    for run in &results.scale {
        let Some(m) = &run.measured else { continue };
        records.push(Record {
            calls: Some(run.started),
            startup_s: Some(run.startup_each().as_secs_f64()),
            memory_each_bytes: run.resident_each(),
            verdict: Some(format!("{} failed", run.failed)),
            ..record("io_scale", run.kind, m)
        });
    }
    for run in &results.files {
        records.push(Record {
            calls: Some(run.files),
            workers: Some(run.threads_started),
            ..record("io_files", run.mode.name(), &run.measurement)
        });
    }
    records
}
// ANCHOR_END: records

/// How long the blocking pool's idle threads stay, for the book's sentence.
pub fn keep_alive() -> Duration {
    files::KEEP_ALIVE
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sizes keep three significant digits and a binary unit.
    #[test]
    fn formats_memory() {
        assert_eq!(memory(300.0), "300 bytes");
        assert_eq!(memory(4000.0), "3.91 KiB");
        assert_eq!(memory(64.0 * 1024.0), "64.0 KiB");
    }
}
