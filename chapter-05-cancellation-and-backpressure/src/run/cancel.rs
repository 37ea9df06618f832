//! Part 1, run and measured: each way of giving up on the chain, JoinSet's
//! aborts, and the two `select!` loops.

use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::exit::Error;
use shared::measure::{Measurement, measure};
use shared::shutdown::Shutdown;
use tokio::runtime::Runtime;

use crate::abort::{self, Joined};
use crate::cancel_safety;
use crate::observe::deadline::{self, AfterDeadline};
use crate::observe::progress::Progress;
use crate::observe::step::{self, Step};
use crate::{detached, process, timeout, token};

/// How long the run waits for a job it gave up on to end by itself.
const LIMIT: Duration = Duration::from_secs(60);

/// The ways a caller gives up on the chain after its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// `timeout` drops a future that awaits each step.
    Timeout,
    /// `timeout` on a `spawn_blocking` job's handle.
    SpawnBlocking,
    /// `timeout` on a rayon job's channel.
    Rayon,
    /// `timeout`, then a token the job checks between steps.
    Token,
    /// A child process, killed.
    Process,
}

impl Way {
    /// In the order the chapter tells them.
    pub const ALL: [Way; 5] =
        [Way::Timeout, Way::SpawnBlocking, Way::Rayon, Way::Token, Way::Process];

    /// The name in the table and the verdicts.
    pub fn name(self) -> &'static str {
        match self {
            Way::Timeout => "timeout",
            Way::SpawnBlocking => "spawn_blocking",
            Way::Rayon => "rayon",
            Way::Token => "token",
            Way::Process => "process",
        }
    }

    /// The record's `experiment` and `variant`.
    pub fn experiment(self) -> (&'static str, &'static str) {
        match self {
            Way::Timeout => ("cancel_timeout", "awaited-steps"),
            Way::SpawnBlocking => ("cancel_blocking", "spawn-blocking"),
            Way::Rayon => ("cancel_blocking", "rayon"),
            Way::Token => ("cancel_token", "token"),
            Way::Process => ("cancel_process", "killed"),
        }
    }

    /// What happens at the deadline, for the table.
    pub fn how(self) -> &'static str {
        match self {
            Way::Timeout => "future dropped",
            Way::SpawnBlocking | Way::Rayon => "handle dropped",
            Way::Token => "token cancelled",
            Way::Process => "SIGKILL",
        }
    }
}

/// One way, measured.
#[derive(Debug, Clone)]
pub struct Cancelled {
    /// Which way.
    pub way: Way,
    /// What ran around the deadline.
    pub after: AfterDeadline,
    /// Every step's span, for the picture.
    pub spans: Vec<crate::observe::progress::StepSpan>,
    /// Wall and CPU time of the whole way, its aftermath included.
    pub measurement: Measurement,
}

/// An abort, measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aborted {
    /// Which kind.
    pub kind: AbortKind,
    /// Tasks aborted.
    pub tasks: usize,
    /// Steps that began after the abort.
    pub started_after: u64,
    /// Steps that began in all.
    pub started: u64,
    /// How the tasks ended, where the run could ask.
    pub joined: Option<Joined>,
}

/// The three aborts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbortKind {
    /// `JoinSet::abort_all` on tasks that await.
    AbortAll,
    /// A dropped `JoinSet` of tasks that await.
    DropSet,
    /// `abort` on a task that never awaits.
    NoAwait,
}

/// One `select!` loop, measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Safety {
    /// `read_exact` in the loop (false) or a buffer outside it (true).
    pub buffered: bool,
    /// Messages sent.
    pub sent: usize,
    /// Messages that arrived whole.
    pub whole: usize,
    /// Wall and CPU time of the loop.
    pub measurement: Measurement,
}

/// Everything Part 1 measured.
#[derive(Debug, Clone)]
pub struct CancelRun {
    /// One step of the chain on this machine.
    pub step: Step,
    /// Steps in each job.
    pub steps: usize,
    /// The size of a step.
    pub limit: u32,
    /// The deadline: one and a half steps.
    pub deadline: Duration,
    /// The ways, in order.
    pub ways: Vec<Cancelled>,
    /// The aborts.
    pub aborts: Vec<Aborted>,
    /// The two loops.
    pub safety: Vec<Safety>,
}

/// Runs Part 1; `None` if Ctrl-C came.
pub fn run(
    steps: usize,
    limit: u32,
    messages: usize,
    shutdown: &Shutdown,
) -> Result<Option<CancelRun>, Error> {
    let runtime = runtime()?;
    let step = step::calibrate(limit);
    let deadline = step.wall * 3 / 2;
    let mut ways = Vec::new();
    for way in Way::ALL {
        if shutdown.is_requested() {
            return Ok(None);
        }
        ways.push(one_way(&runtime, way, deadline, steps, limit)?);
    }
    let mut aborts = Vec::new();
    for kind in [AbortKind::AbortAll, AbortKind::DropSet, AbortKind::NoAwait] {
        if shutdown.is_requested() {
            return Ok(None);
        }
        aborts.push(one_abort(&runtime, kind, deadline, steps, limit));
    }
    let safety = [false, true].map(|buffered| select_loop(&runtime, buffered, messages));
    Ok(Some(CancelRun {
        step,
        steps,
        limit,
        deadline,
        ways,
        aborts,
        safety: safety.into(),
    }))
}

/// A runtime of two worker threads, as on the course's machine.
pub fn runtime() -> Result<Runtime, Error> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|err| Error::Failed(format!("cannot start tokio: {err}")))
}

fn one_way(
    runtime: &Runtime,
    way: Way,
    deadline: Duration,
    steps: usize,
    limit: u32,
) -> Result<Cancelled, Error> {
    let progress = Arc::new(Progress::new());
    let mut failed = None;
    let (after, measurement) = measure(|| {
        deadline::watch(deadline, &progress, LIMIT, || {
            let job = Arc::clone(&progress);
            match way {
                Way::Timeout => {
                    runtime.block_on(timeout::with_timeout(deadline, steps, limit, job));
                }
                Way::SpawnBlocking => {
                    runtime
                        .block_on(detached::spawn_blocking(deadline, steps, limit, job));
                }
                Way::Rayon => {
                    runtime.block_on(detached::rayon(deadline, steps, limit, job));
                }
                Way::Token => {
                    runtime.block_on(token::with_token(deadline, steps, limit, job));
                }
                Way::Process => {
                    failed =
                        process::kill_at_deadline(deadline, steps, limit, &job).err();
                }
            }
        })
    });
    match failed {
        Some(err) => Err(Error::Failed(err)),
        None => Ok(Cancelled { way, after, spans: progress.spans(), measurement }),
    }
}

fn one_abort(
    runtime: &Runtime,
    kind: AbortKind,
    after: Duration,
    steps: usize,
    limit: u32,
) -> Aborted {
    let progress = Arc::new(Progress::new());
    let job = Arc::clone(&progress);
    let tasks = if kind == AbortKind::NoAwait { 1 } else { 2 };
    let (at, joined): (Instant, Option<Joined>) = match kind {
        AbortKind::AbortAll => {
            let (at, joined) =
                runtime.block_on(abort::abort_all(tasks, after, limit, job));
            (at, Some(joined))
        }
        AbortKind::DropSet => {
            (runtime.block_on(abort::drop_set(tasks, after, limit, job)), None)
        }
        AbortKind::NoAwait => {
            let run = abort::abort_without_awaits(steps, after, limit, job);
            let (at, joined) = runtime.block_on(run);
            (at, Some(joined))
        }
    };
    progress.wait_until_still(Duration::from_millis(20), LIMIT);
    let started_after = progress.spans().iter().filter(|s| s.start > at).count() as u64;
    Aborted { kind, tasks, started_after, started: progress.started(), joined }
}

/// The writer's pause between the halves of a message, and the timer
/// beside the read: the timer fires while half a message waits.
const PAUSE: Duration = Duration::from_millis(2);
const TICK: Duration = Duration::from_millis(1);

fn select_loop(runtime: &Runtime, buffered: bool, count: usize) -> Safety {
    let (reader, writer) = tokio::io::duplex(4 * cancel_safety::FRAME);
    let (messages, measurement) = measure(|| {
        runtime.block_on(async {
            let sender = tokio::spawn(cancel_safety::send(writer, count, PAUSE));
            let read = if buffered {
                cancel_safety::buffered_in_select(reader, TICK).await
            } else {
                cancel_safety::read_exact_in_select(reader, TICK).await
            };
            let _ = sender.await;
            read
        })
    });
    let whole = cancel_safety::arrived_whole(&messages, count);
    Safety { buffered, sent: count, whole, measurement }
}
