//! Where a CPU step can go ([`Place`]), seen from a tokio loop: one small
//! file per place, each a function that takes the step (a closure) and
//! hands back its result, or a [`Failure`] when the step panicked or its
//! place went away.
//!
//! - [`on_loop`]: the mistake, the step on the loop's own thread.
//! - [`blocking_pool`]: tokio's `spawn_blocking`.
//! - [`block_in_place`]: tokio's `block_in_place`, on a multi-thread runtime.
//! - [`failure`]: why a step gave no result.
//! - [`rayon_pool`]: a rayon pool, answering through a oneshot channel.
//! - [`own_thread`]: one thread of its own, fed by a channel.
//! - [`second_runtime`]: a second tokio runtime kept for CPU work.
//!
//! [`Started`] is a place with what it owns (a pool, a thread, a runtime),
//! and [`run_as_task`] runs one step at a place as its own task on the loop,
//! as the chapter's measurements and tests do.

pub mod block_in_place;
pub mod blocking_pool;
pub mod failure;
pub mod on_loop;
pub mod own_thread;
pub mod rayon_pool;
pub mod second_runtime;

use std::fmt;
use std::sync::Arc;

pub use failure::Failure;

use crate::place::Place;

/// A place, started: with the pool, thread or runtime it owns.
#[derive(Debug)]
pub enum Started {
    /// On the loop.
    Loop,
    /// On tokio's blocking pool (the loop's runtime owns it).
    BlockingPool,
    /// In place, on the loop's multi-thread runtime.
    BlockInPlace,
    /// On this rayon pool.
    Rayon(rayon::ThreadPool),
    /// On this thread.
    Thread(own_thread::OwnThread),
    /// On this second runtime.
    SecondRuntime(second_runtime::CpuRuntime),
}

impl Started {
    /// Starts `place`; a pool or runtime of its own gets `threads` threads.
    pub fn start(place: Place, threads: usize) -> Result<Started, String> {
        let cannot = |err: &dyn fmt::Display| format!("cannot start {place}: {err}");
        Ok(match place {
            Place::Loop => Started::Loop,
            Place::BlockingPool => Started::BlockingPool,
            Place::BlockInPlace => Started::BlockInPlace,
            Place::Rayon => Started::Rayon(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .map_err(|err| cannot(&err))?,
            ),
            Place::Thread => Started::Thread(
                own_thread::OwnThread::start("cpu-steps").map_err(|err| cannot(&err))?,
            ),
            Place::SecondRuntime => Started::SecondRuntime(
                second_runtime::CpuRuntime::start(threads).map_err(|err| cannot(&err))?,
            ),
        })
    }

    /// Runs `step` at this place and waits for it. On the loop and in place,
    /// a panic unwinds through the task that awaits this: run it as a task of
    /// its own ([`run_as_task`]) to see it as a [`Failure`].
    pub async fn run<T, F>(&self, step: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        match self {
            Started::Loop => Ok(on_loop::run(step)),
            Started::BlockingPool => blocking_pool::run(step).await,
            Started::BlockInPlace => Ok(block_in_place::run(step)),
            Started::Rayon(pool) => rayon_pool::run(pool, step).await,
            Started::Thread(thread) => thread.run(step).await,
            Started::SecondRuntime(runtime) => runtime.run(step).await,
        }
    }
}

/// Runs `step` at `place` as a task of its own on the current runtime: a
/// panic anywhere, the loop's thread included, comes back as a [`Failure`],
/// and the loop goes on (tokio catches a task's panic at the task).
pub async fn run_as_task<T, F>(place: Arc<Started>, step: F) -> Result<T, Failure>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let task = tokio::spawn(async move { place.run(step).await });
    task.await.map_err(Failure::from_join)?
}
