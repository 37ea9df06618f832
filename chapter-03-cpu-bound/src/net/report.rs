//! Runs the I/O experiments in order and prints what they measured: the
//! four modes against the slow service, summed up in the CPU experiment's
//! table ([`crate::report::table`]), the scale-up, the files. Every line
//! fits 80 columns, the lesson's word early in it.

use shared::cli::say;
use shared::format::duration;
use shared::measure::{Measurement, measure};
use shared::record::Record;

use super::calls::{self, CallsMode, CallsRun};
use super::files::{self, FileSet, FilesMode, FilesRun};
use super::scale::{self, ScaleRun};
use super::service::{BACKLOG_ASKED, ServiceProcess};
use super::{NetConfig, NetError, limits};
use crate::observe::{self, ModeRun, record::variant};
use crate::report::table;

/// Everything one run measured.
#[derive(Debug, Default)]
pub struct NetResults {
    /// The four modes (fewer if Ctrl-C came).
    pub calls: Vec<CallsRun>,
    /// Tasks, then threads.
    pub scale: Vec<ScaleRun>,
    /// The three ways to read files.
    pub files: Vec<FilesRun>,
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
    let service = ServiceProcess::start(config)?;
    let calls = four_modes(config, &service);
    let mut results = NetResults { calls, ..NetResults::default() };
    if config.scale > 0 && !config.shutdown.is_requested() {
        results.scale = scale_up(config, &service);
    }
    drop(service);
    if !config.shutdown.is_requested() {
        results.files = read_files(config)?;
    }
    Ok(results)
}
// ANCHOR_END: run

/// The clients in each mode, then the CPU experiment's summary table.
fn four_modes(config: &NetConfig, service: &ServiceProcess) -> Vec<CallsRun> {
    let (clients, wait) = (config.clients, duration(config.wait));
    say(format!(
        "I/O on real sockets: {clients} clients, one request each, to a slow\n\
         service on 127.0.0.1 (a child process) that answers after {wait}."
    ));
    let mut runs = Vec::new();
    for mode in CallsMode::ALL {
        if config.shutdown.is_requested() {
            break;
        }
        say(format!("\n{}: {clients} requests {}", mode.name(), how(mode)));
        let run = calls::run(mode, service.addr, clients);
        say_calls(&run);
        runs.push(run);
    }
    let measured: Vec<ModeRun> = runs.iter().map(|run| run.measured.clone()).collect();
    if !measured.is_empty() {
        let title = format!("\nSummary of {clients} requests that each wait {wait}:");
        table(&title, &measured, observe::loop_wall(&measured)).into_iter().for_each(say);
        say("- every mode overlapped its waits, the GIL model too: the lock is\n  \
             let go around each blocking socket call");
    }
    runs
}

fn how(mode: CallsMode) -> &'static str {
    match mode {
        CallsMode::Loop => "as tasks on one event loop (tokio current-thread)",
        CallsMode::Threads => "on as many OS threads, blocking std::net",
        CallsMode::Gil => "on as many threads under the GIL model",
        CallsMode::Tasks => "as tasks on the multi-thread runtime",
    }
}

/// The verdict, first, and what failed if anything did; wall time, CPU time
/// and cores used are in the table after the four modes.
fn say_calls(run: &CallsRun) {
    let (measured, clients) = (&run.measured, run.clients);
    say(format!(
        "  {}: up to {} requests waiting at once; {} of {clients} answered",
        measured.verdict(),
        measured.most_at_once,
        measured.finished.len(),
    ));
    if let Some((client, why)) = run.failed.first() {
        say(format!(
            "  FAILED: {} of {clients}; client {client}: {why}",
            run.failed.len()
        ));
    }
}

/// The scale-up, with as many connections as the descriptor limit allows.
fn scale_up(config: &NetConfig, service: &ServiceProcess) -> Vec<ScaleRun> {
    let limit = limits::raise_to_hard().unwrap_or(u64::MAX);
    let n = config.scale.min(limits::connections_that_fit(limit));
    say("");
    if n < config.scale {
        say(format!(
            "note: {limit} open files allowed (hard limit): {n} connections fit"
        ));
    }
    say(format!(
        "Scale-up: {n} connections open at once, then one request each.\n  \
         listen backlog {} (asked {BACKLOG_ASKED}, capped by net.core.somaxconn)",
        service.backlog
    ));
    let mut runs = Vec::new();
    // Tasks first, on a heap the threads have not used yet.
    for way in [scale::tasks, scale::threads] {
        if n == 0 || config.shutdown.is_requested() {
            break;
        }
        let (run, measured) = measure(|| way(service.addr, n, config.shutdown));
        say_scale(&run);
        runs.push(ScaleRun { measured: Some(measured), ..run });
    }
    if let [tasks, threads] = &runs[..] {
        comparison(tasks, threads).into_iter().for_each(say);
    }
    runs
}

fn say_scale(run: &ScaleRun) {
    let what = match run.kind {
        "threads" => format!("threads ({} stacks)", memory(scale::THREAD_STACK as f64)),
        kind => kind.to_string(),
    };
    let (started, startup) = (run.started, duration(run.startup));
    let each = duration(run.startup_each());
    say(format!("{what}: {started} connected in {startup} ({each} each)"));
    if let (Some(growth), Some(each)) = (run.resident_growth, run.resident_each()) {
        let (growth, each) = (memory(growth as f64), memory(each));
        say(format!("  resident memory +{growth} ({each} each)"));
    }
    let failed = match &run.first_failure {
        Some(why) => format!("FAILED {}: {why}", run.failed),
        None => "0 failed".to_string(),
    };
    let answered = duration(run.all_answered);
    say(format!("  {} answered {answered} after the gate; {failed}", run.answered));
    say(format!(
        "  connects retried after a dropped SYN: {}; slowest {}",
        run.slow_connects,
        duration(run.slowest_connect)
    ));
    if let Some(why) = &run.refused {
        say(format!("  the OS refused thread {}: {why}", started + 1));
    }
}

/// "per connection, a task started 6× faster than a thread" and "held 9×
/// less memory", turned round if a thread came out cheaper.
fn comparison(tasks: &ScaleRun, threads: &ScaleRun) -> [String; 2] {
    let times = |thread: f64, task: f64| (task > 0.0).then(|| thread / task);
    let (thread, task) = (threads.startup_each(), tasks.startup_each());
    let startup = match times(thread.as_secs_f64(), task.as_secs_f64()) {
        Some(r) if r >= 1.0 => format!("a task started {r:.1}× faster than a thread"),
        Some(r) => format!("a thread started {:.1}× faster than a task", 1.0 / r),
        None => "a task started too fast to measure".to_string(),
    };
    let (thread, task) = (threads.resident_each(), tasks.resident_each());
    let memory = match times(thread.unwrap_or(0.0), task.unwrap_or(0.0)) {
        Some(r) if r >= 1.0 => format!("{r:.1}× less resident memory"),
        Some(r) => format!("{:.1}× more resident memory", 1.0 / r),
        None => "too little memory to measure".to_string(),
    };
    [format!("per connection, {startup}"), format!("  and held {memory}")]
}

fn read_files(config: &NetConfig) -> Result<Vec<FilesRun>, NetError> {
    let set = FileSet::create(config.clients.min(files::MAX_FILES))
        .map_err(|err| format!("cannot write the test files: {err}"))?;
    say(format!(
        "\nFiles: {} files of {} in a temp dir, read back three ways.",
        set.paths.len(),
        memory(files::FILE_SIZE as f64)
    ));
    let mut runs = Vec::new();
    for mode in FilesMode::ALL {
        let run = files::run(mode, &set);
        let n = run.threads_started;
        let how = match mode {
            FilesMode::OneAfterAnother => {
                "no thread started: this thread read them".into()
            }
            FilesMode::Threads => format!("{n} threads started, one per file"),
            FilesMode::TokioFs => {
                format!("{n} blocking threads started by tokio::fs for 1 loop thread")
            }
        };
        let m = &run.measurement;
        say(format!(
            "{}: {} of {} intact; wall {}, CPU {}\n  {how}",
            mode.name(),
            run.read_ok,
            run.files,
            duration(m.wall),
            duration(m.cpu.total())
        ));
        runs.push(run);
    }
    Ok(runs)
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

/// One record per measured row, for `--json`.
pub fn records(results: &NetResults, version: &str) -> Vec<Record> {
    let record = |experiment: &str, variant: &str, m: &Measurement| Record {
        variant: Some(variant.to_string()),
        ..Record::measured(experiment, "rust", version, 0, m)
    };
    let calls = results.calls.iter().map(|run| Record {
        calls: Some(run.clients),
        workers: run.measured.observed.workers,
        verdict: Some(run.measured.verdict().to_string()),
        ..record("io_calls", variant(run.measured.mode), &run.measured.measurement)
    });
    let scale = results.scale.iter().filter_map(|run| {
        Some(Record {
            calls: Some(run.started),
            startup_s: Some(run.startup_each().as_secs_f64()),
            memory_each_bytes: run.resident_each(),
            verdict: Some(format!("{} failed", run.failed)),
            ..record("io_scale", run.kind, run.measured.as_ref()?)
        })
    });
    let files = results.files.iter().map(|run| Record {
        calls: Some(run.files),
        workers: Some(run.threads_started),
        ..record("io_files", run.mode.name(), &run.measurement)
    });
    calls.chain(scale).chain(files).collect()
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
