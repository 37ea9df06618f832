//! Part 2's measuring: the requests of the four places, the scale-up's
//! connections and the file reads, watched from outside the lesson (the
//! probe and the gauge `net` hands its work to) and measured (wall and CPU
//! time); and their `--json` records.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use shared::machine::RUSTC_VERSION;
use shared::measure::{Measurement, measure as measured};
use shared::record::Record;
use shared::shutdown::Shutdown;

use super::timeline::Timeline;
use super::{Observations, Place, PlaceRun, measure, record::variant};
use crate::net::files::{self, FileSet, FilesMode};
use crate::net::{Probe, calls, client, scale};

/// Everything part 2 measured.
#[derive(Debug, Default)]
pub struct IoResults {
    /// The four places (fewer if Ctrl-C came).
    pub calls: Vec<CallsRun>,
    /// Tasks, then threads.
    pub scale: Vec<ScaleRun>,
    /// The three ways to read files.
    pub files: Vec<FilesRun>,
}

impl IoResults {
    /// Requests or connections that failed, over all parts.
    pub fn failures(&self) -> usize {
        let calls: usize = self.calls.iter().map(|run| run.failed.len()).sum();
        calls + self.scale.iter().map(|run| run.failed).sum::<usize>()
    }
}

/// What one place did with its clients.
#[derive(Debug, Clone)]
pub struct CallsRun {
    /// Measured and observed as a CPU place is (`asked`: the clients), a
    /// span per answered request.
    pub measured: PlaceRun,
    /// The requests that failed: client number and why, in client order.
    pub failed: Vec<(usize, String)>,
}

/// The requests' probe: each answered request's span (and its end) on the
/// timeline, each failure and why.
#[derive(Debug)]
struct Log {
    timeline: Arc<Timeline>,
    failed: Mutex<Vec<(usize, String)>>,
}

impl Log {
    fn note(&self, client: usize, start: Instant, done: io::Result<()>) {
        match done {
            Ok(()) => {
                self.timeline.record(client, start, Instant::now());
                self.timeline.finish(client);
            }
            Err(err) => self.failures().push((client, client::phrase(&err))),
        }
    }

    fn failures(&self) -> MutexGuard<'_, Vec<(usize, String)>> {
        self.failed.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Probe for Log {
    fn request(&self, client: usize, request: impl FnOnce() -> io::Result<()>) {
        let start = Instant::now();
        self.note(client, start, request());
    }

    async fn request_async(
        &self,
        client: usize,
        request: impl Future<Output = io::Result<()>> + Send,
    ) {
        let start = Instant::now();
        self.note(client, start, request.await);
    }
}

/// Runs `clients` requests against `addr` in `place`, measured.
pub fn run_clients(place: Place, addr: SocketAddr, clients: usize) -> CallsRun {
    let mut failed = Vec::new();
    let watched = |timeline: &Arc<Timeline>| {
        let log =
            Arc::new(Log { timeline: Arc::clone(timeline), failed: Mutex::default() });
        let mut workers = None;
        match place {
            Place::Loop => calls::on_loop(addr, clients, &log),
            Place::Threads => calls::on_threads(addr, clients, &*log),
            Place::Gil => calls::under_gil(addr, clients, &*log),
            Place::Tasks => workers = Some(calls::as_tasks(addr, clients, &log)),
        }
        failed = std::mem::take(&mut *log.failures());
        Observations { workers, waited: true, ..Observations::default() }
    };
    let measured = measure(place, clients, watched, || false);
    failed.sort();
    CallsRun { measured, failed }
}

/// A connect that took this long or longer is counted: on a run where the
/// accept queue overflowed, these are the connects that waited for the
/// kernel to send their SYN again (its first retry comes after 1 s).
pub const SLOW_CONNECT: Duration = Duration::from_secs(1);

/// What opening many connections of one kind cost.
#[derive(Debug, Clone, Default)]
pub struct ScaleRun {
    /// `tasks` or `threads`.
    pub kind: &'static str,
    /// Clients started (fewer if the OS refused a thread).
    pub started: usize,
    /// Time until every started client was connected, waiting at the gate.
    pub startup: Duration,
    /// Growth of resident memory while all were connected, if readable.
    pub resident_growth: Option<u64>,
    /// Time from the gate opening to the last answer.
    pub all_answered: Duration,
    /// Requests answered, echo checked.
    pub answered: usize,
    /// Failed clients.
    pub failed: usize,
    /// The first failure's reason.
    pub first_failure: Option<String>,
    /// Connects that took [`SLOW_CONNECT`] or longer.
    pub slow_connects: usize,
    /// The slowest connect.
    pub slowest_connect: Duration,
    /// Why the OS refused a thread, if it did.
    pub refused: Option<String>,
    /// Wall and CPU time of the whole run.
    pub measured: Option<Measurement>,
}

impl ScaleRun {
    /// Start-up time per started client.
    pub fn startup_each(&self) -> Duration {
        self.startup / self.started.max(1) as u32
    }

    /// Resident memory per started client, in bytes.
    pub fn resident_each(&self) -> Option<f64> {
        Some(self.resident_growth? as f64 / self.started.max(1) as f64)
    }
}

/// The scale-up's gauge: how long each connect took, the memory held once
/// all are connected, the clock from the gate to the last answer.
#[derive(Debug)]
struct Tally {
    run: Mutex<ScaleRun>,
    started_at: Instant,
    resident_before: Option<u64>,
    gate_opened: OnceLock<Instant>,
}

impl Tally {
    fn start(kind: &'static str) -> Tally {
        Tally {
            run: Mutex::new(ScaleRun { kind, ..ScaleRun::default() }),
            resident_before: resident_bytes(),
            started_at: Instant::now(),
            gate_opened: OnceLock::new(),
        }
    }

    fn connect_took(&self, took: Duration) {
        let mut run = self.lock();
        run.slow_connects += usize::from(took >= SLOW_CONNECT);
        run.slowest_connect = run.slowest_connect.max(took);
    }

    fn lock(&self) -> MutexGuard<'_, ScaleRun> {
        self.run.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The run, once the last client is done; `started` of them were.
    fn into_run(self, started: usize, measured: Measurement) -> ScaleRun {
        let all_answered = self.gate_opened.get().map(Instant::elapsed);
        let run = self.run.into_inner().unwrap_or_else(PoisonError::into_inner);
        ScaleRun {
            started,
            all_answered: all_answered.unwrap_or_default(),
            measured: Some(measured),
            ..run
        }
    }
}

impl scale::Gauge for Tally {
    fn connect<S>(&self, connect: impl FnOnce() -> io::Result<S>) -> io::Result<S> {
        let start = Instant::now();
        let stream = connect();
        self.connect_took(start.elapsed());
        stream
    }

    async fn connect_async<S>(
        &self,
        connect: impl Future<Output = io::Result<S>> + Send,
    ) -> io::Result<S> {
        let start = Instant::now();
        let stream = connect.await;
        self.connect_took(start.elapsed());
        stream
    }

    fn all_connected(&self) {
        let startup = self.started_at.elapsed();
        let during = resident_bytes();
        let mut run = self.lock();
        run.startup = startup;
        run.resident_growth =
            during.zip(self.resident_before).map(|(d, b)| d.saturating_sub(b));
        let _ = self.gate_opened.set(Instant::now());
    }

    fn done(&self, result: io::Result<()>) {
        let mut run = self.lock();
        match result {
            Ok(()) => run.answered += 1,
            Err(err) => {
                run.failed += 1;
                run.first_failure.get_or_insert_with(|| client::phrase(&err));
            }
        }
    }
}

/// `n` connections as tasks, measured.
pub fn scale_tasks(addr: SocketAddr, n: usize, shutdown: &Shutdown) -> ScaleRun {
    let tally = Arc::new(Tally::start("tasks"));
    let ((), measurement) = measured(|| scale::tasks(addr, n, &tally, shutdown));
    match Arc::into_inner(tally) {
        Some(tally) => tally.into_run(n, measurement),
        None => ScaleRun { kind: "tasks", ..ScaleRun::default() },
    }
}

/// `n` connections as threads, measured.
pub fn scale_threads(addr: SocketAddr, n: usize, shutdown: &Shutdown) -> ScaleRun {
    let tally = Tally::start("threads");
    let ((started, refused), measurement) =
        measured(|| scale::threads(addr, n, &tally, shutdown));
    let refused = refused.map(|err| client::phrase(&err));
    ScaleRun { refused, ..tally.into_run(started, measurement) }
}

/// The process's resident memory (`VmRSS`), where `/proc` has it.
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 =
        line["VmRSS:".len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

/// What one way of reading files did.
#[derive(Debug, Clone)]
pub struct FilesRun {
    /// Which way.
    pub mode: FilesMode,
    /// Files read back whole and unchanged.
    pub read_ok: usize,
    /// Files asked for.
    pub files: usize,
    /// Wall and CPU time.
    pub measurement: Measurement,
    /// Threads this way started to read (the loop's blocking pool for
    /// `tokio::fs`, one per file for threads, none for the plain loop).
    pub threads_started: usize,
}

/// Reads every file of `set` in `mode`, measured.
pub fn read_files(mode: FilesMode, set: &FileSet) -> FilesRun {
    let ((read_ok, threads_started), measurement) =
        measured(|| files::read_all(mode, set));
    FilesRun { mode, read_ok, files: set.paths.len(), measurement, threads_started }
}

/// One record per measured row, for `--json`.
pub fn records(results: &IoResults) -> Vec<Record> {
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
