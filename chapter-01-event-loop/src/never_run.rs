//! "Try removing `run_forever`": scheduling work without ever driving it.
//!
//! The article notes that without `run_forever` nothing is printed. The same
//! is true of every runtime here: a scheduled callback, a spawned task and a
//! future are descriptions of work. Nothing happens until a loop (or
//! `block_on`, or `.await`) drives them.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use shared::shutdown::Shutdown;

use crate::callback_loop::EventLoop;
use crate::greeter::Greeter;
use crate::runtimes::{self, Runtime};

/// Schedules the greeting on `runtime` without running it, and returns what
/// was left undone, one explanation per line.
///
/// The sleep loop has nothing to schedule: its work runs as soon as the code
/// reaches it, so for it this returns an error.
pub fn schedule_without_running(
    runtime: Runtime,
    interval: Duration,
    shutdown: &'static Shutdown,
) -> Result<Vec<String>, String> {
    let mut greeter = Greeter::new(None);
    let mut lines = match runtime {
        Runtime::Callbacks => callbacks_never_run(interval),
        Runtime::Futures => futures_never_run(interval, shutdown),
        Runtime::Tokio => tokio_never_run(interval, shutdown),
        Runtime::AsyncStd => {
            // ANCHOR: lazy_future
            // Calling an async fn only builds a future; it runs when polled.
            let greeting =
                runtimes::async_std::greet_every(&mut greeter, interval, shutdown);
            drop(greeting); // never awaited, never passed to block_on
            // ANCHOR_END: lazy_future
            lazy_future_lines("async-std")
        }
        Runtime::Smol => {
            let greeting = runtimes::smol::greet_every(&mut greeter, interval, shutdown);
            drop(greeting);
            lazy_future_lines("smol")
        }
        Runtime::Sleep => {
            let why = "the sleep loop has nothing to schedule";
            return Err(format!("--never-run needs a loop: {why}"));
        }
    };
    lines.push(format!("greetings printed: {}", greeter.ticks()));
    Ok(lines)
}

// ANCHOR: callbacks_never_run
fn callbacks_never_run(interval: Duration) -> Vec<String> {
    let greeter = Rc::new(RefCell::new(Greeter::new(None)));
    let mut event_loop = EventLoop::new();
    runtimes::callbacks::schedule(&mut event_loop, &greeter, interval);
    // No `event_loop.run_forever()` here: the callback stays in the queue.
    let pending = event_loop.pending();
    vec![
        format!(
            "scheduled on the callback loop: {} ready callback(s), {} timer(s)",
            pending.ready, pending.timers
        ),
        "run_forever() was never called, so no callback ran:".into(),
        "the loop is what calls them".into(),
    ]
}
// ANCHOR_END: callbacks_never_run

// ANCHOR: futures_never_run
fn futures_never_run(interval: Duration, shutdown: &'static Shutdown) -> Vec<String> {
    let mut greeter = Greeter::new(None);
    let mut event_loop = EventLoop::new();
    event_loop.spawn(async move {
        runtimes::futures::greet_every(&mut greeter, interval, shutdown).await;
    });
    // The task's first poll is a callback on the ready queue, never run.
    let pending = event_loop.pending();
    vec![
        format!(
            "spawned 1 task on the chapter's loop: {} ready callback(s) (its poll)",
            pending.ready
        ),
        "run_forever() was never called, so the future was never polled".into(),
    ]
}
// ANCHOR_END: futures_never_run

fn tokio_never_run(interval: Duration, shutdown: &'static Shutdown) -> Vec<String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing");
    let mut greeter = Greeter::new(None);
    // ANCHOR: tokio_never_run
    // A current-thread runtime polls its tasks only inside `block_on`.
    let _task = runtime.spawn(async move {
        runtimes::tokio::greet_every(&mut greeter, interval, shutdown).await;
    });
    drop(runtime); // no block_on: the task is dropped without being polled once
    // ANCHOR_END: tokio_never_run
    vec![
        "spawned 1 task on a tokio current-thread runtime".into(),
        "block_on() was never called, so the task was never polled;".into(),
        "it was dropped with the runtime".into(),
    ]
}

fn lazy_future_lines(runtime: &str) -> Vec<String> {
    vec![
        format!("created the {runtime} greeting future, then dropped it"),
        "without .await or block_on: futures are lazy, an async fn's body".into(),
        "runs only when something polls the future".into(),
    ]
}
