//! Runs the I/O experiments in order and prints what they measured: the
//! four modes against the slow service, summed up in the CPU experiment's
//! table ([`crate::report::table`]); the scale-up and the files, a table
//! each. Every line fits 80 columns, the lesson's word early in it.

use std::iter::once;

use shared::cli::say;
use shared::format::{bytes, duration, table};
use shared::machine::RUSTC_VERSION;
use shared::measure::{Measurement, measure};
use shared::record::Record;

use super::calls::{self, CallsRun};
use super::files::{self, FileSet, FilesMode, FilesRun};
use super::scale::{self, ScaleRun};
use super::service::{BACKLOG_ASKED, ServiceProcess};
use super::{NetConfig, NetError, limits};
use crate::observe::Place;
use crate::observe::verdict::Verdict;
use crate::observe::{self, PlaceRun, record::variant};

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

/// The four modes one after another, then the CPU experiment's table
/// (verdict, wall time, CPU time, cores used) and what failed.
fn four_modes(config: &NetConfig, service: &ServiceProcess) -> Vec<CallsRun> {
    let mut runs = Vec::new();
    for mode in Place::ALL {
        if config.shutdown.is_requested() {
            break;
        }
        runs.push(calls::run(mode, service.addr, config.clients));
    }
    let (clients, wait) = (config.clients, duration(config.wait));
    let title = format!(
        "I/O on real sockets: {clients} clients, one request each, to a slow service\n\
         on 127.0.0.1 (a child process) that answers after {wait}; loop and tasks\n\
         run each client as a task, threads and gil on an OS thread of its own:"
    );
    let measured: Vec<PlaceRun> = runs.iter().map(|run| run.measured.clone()).collect();
    let baseline = observe::loop_wall(&measured);
    crate::report::table(&title, &measured, baseline).into_iter().for_each(say);
    for run in &runs {
        if let Some((client, why)) = run.failed.first() {
            let (mode, failed) = (run.measured.place.name(), run.failed.len());
            say(format!("FAILED {mode}: {failed} of {clients}; client {client}: {why}"));
        }
    }
    if measured.len() == 4 && measured.iter().all(|m| m.verdict() == Verdict::Concurrent)
    {
        say("- every mode overlapped its waits, the GIL model too: the lock is\n  \
             let go around each blocking socket call");
    }
    runs
}

/// The scale-up, with as many connections as the descriptor limit allows:
/// tasks first, on a heap the threads have not used yet; then a table, what
/// failed, and the comparison.
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
         listen backlog {} (asked {BACKLOG_ASKED}, capped by net.core.somaxconn)\n  \
         each thread gets a {} stack",
        service.backlog,
        bytes(scale::THREAD_STACK as f64)
    ));
    let mut runs = Vec::new();
    for way in [scale::tasks, scale::threads] {
        if n == 0 || config.shutdown.is_requested() {
            break;
        }
        let (run, measured) = measure(|| way(service.addr, n, config.shutdown));
        runs.push(ScaleRun { measured: Some(measured), ..run });
    }
    // A row per fact, a column per kind.
    let rows = SCALE_FACTS.map(|(fact, cell)| {
        once(fact.to_string()).chain(runs.iter().map(cell)).collect::<Vec<_>>()
    });
    table(&rows).into_iter().for_each(say);
    for run in &runs {
        if let Some(why) = &run.first_failure {
            say(format!("FAILED {}: {} of {n}; the first: {why}", run.kind, run.failed));
        }
        if let Some(why) = &run.refused {
            say(format!("note: the OS refused thread {}: {why}", run.started + 1));
        }
    }
    if let [tasks, threads] = &runs[..] {
        comparison(tasks, threads).into_iter().for_each(say);
    }
    runs
}

/// A row of the scale-up's table: the fact, and its cell for one kind.
type Fact = (&'static str, fn(&ScaleRun) -> String);

/// The scale-up's table, a row per fact (the first: the heading).
const SCALE_FACTS: [Fact; 9] = [
    ("", |run| run.kind.to_string()),
    ("connected", |run| run.started.to_string()),
    ("start-up, each", |run| duration(run.startup_each())),
    ("resident memory, each", |run| run.resident_each().map_or("-".into(), bytes)),
    ("answered", |run| run.answered.to_string()),
    ("last answer after the gate", |run| duration(run.all_answered)),
    ("failed", |run| run.failed.to_string()),
    ("retried after a dropped SYN", |run| run.slow_connects.to_string()),
    ("slowest connect", |run| duration(run.slowest_connect)),
];

/// "a task started 5.4× faster than a thread, per connection," and "held
/// 6.4× less resident memory", turned round if a thread came out cheaper.
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
    [format!("- {startup}, per connection,"), format!("  and held {memory}")]
}

/// The files, read back each way, and a table of what each way did.
fn read_files(config: &NetConfig) -> Result<Vec<FilesRun>, NetError> {
    let set = FileSet::create(config.clients.min(files::MAX_FILES))
        .map_err(|err| format!("cannot write the test files: {err}"))?;
    let runs: Vec<FilesRun> = FilesMode::ALL.map(|mode| files::run(mode, &set)).into();
    let size = bytes(files::FILE_SIZE as f64);
    say(format!(
        "\nFiles: {} files of {size} in a temp dir, read back three ways:",
        set.paths.len()
    ));
    let mut rows =
        vec![["way", "intact", "wall", "CPU", "threads started"].map(String::from)];
    rows.extend(runs.iter().map(files_row));
    table(&rows).into_iter().for_each(say);
    if runs.iter().any(|run| run.mode == FilesMode::TokioFs && run.threads_started > 0) {
        say("- async file I/O is threads underneath: tokio::fs handed each read to\n  \
             a blocking thread (epoll cannot wait for a regular file)");
    }
    Ok(runs)
}

fn files_row(run: &FilesRun) -> [String; 5] {
    let (m, n) = (&run.measurement, run.threads_started);
    let threads = match run.mode {
        FilesMode::OneAfterAnother => "none: this thread read them".to_string(),
        FilesMode::Threads => format!("{n}, one per file"),
        FilesMode::TokioFs => format!("{n} blocking, for 1 loop thread"),
    };
    let intact = format!("{} of {}", run.read_ok, run.files);
    [run.mode.name().into(), intact, duration(m.wall), duration(m.cpu.total()), threads]
}

/// One record per measured row, for `--json`.
pub fn records(results: &NetResults) -> Vec<Record> {
    let record = |experiment: &str, variant: &str, m: &Measurement| Record {
        variant: Some(variant.to_string()),
        ..Record::measured(experiment, "rust", RUSTC_VERSION, 0, m)
    };
    let calls = results.calls.iter().map(|run| Record {
        calls: Some(run.measured.asked),
        workers: run.measured.observed.workers,
        verdict: Some(run.measured.verdict().to_string()),
        ..record("io_calls", variant(run.measured.place), &run.measured.measurement)
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
