//! Part 1, run and measured: each way of giving up on the chain, JoinSet's
//! aborts, and the two `select!` loops.

use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::exit::Error;
use shared::measure::measure;
use shared::shutdown::Shutdown;
use tokio::runtime::Runtime;

use crate::abort::{self, Joined};
use crate::cancel_safety;
use crate::observe::cancelled::{AbortKind, Aborted, CancelRun, Cancelled, Safety, Way};
use crate::observe::deadline;
use crate::observe::progress::Progress;
use crate::observe::step;
use crate::{detached, process, timeout, token};

/// How long the run waits for a job it gave up on to end by itself.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs Part 1; `None` if Ctrl-C came.
pub fn run(
    steps: usize,
    limit: u32,
    messages: usize,
    shutdown: &Shutdown,
) -> Result<Option<CancelRun>, Error> {
    let runtime = runtime()?;
    let step = step::calibrate(limit);
    // One and a half steps of CPU: where a busy machine stretches a step on
    // the wall clock, the deadline falls earlier in the chain, never later.
    let deadline = step.cpu * 3 / 2;
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
                    // Ten times the chain: a new process may find a core less
                    // busy than the one the step was timed on, and it must
                    // still be computing at the deadline to show a kill.
                    let chain = steps * 10;
                    failed =
                        process::kill_at_deadline(deadline, chain, limit, &job).err();
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
