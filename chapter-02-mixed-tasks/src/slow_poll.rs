//! A slow-poll detector: the course's answer to asyncio's debug mode.
//!
//! asyncio in debug mode times every callback it runs and logs the ones
//! that took `loop.slow_callback_duration` or longer (100 ms by default).
//! An async Rust task runs in polls: each `poll` of its future is one turn
//! on the loop, and a poll that takes long held the loop for that long.
//! [`watch`] wraps a task's future and times each of its polls; a poll over
//! the threshold is handed to `warn` with the task's name and how long it
//! took. It times the polls, not the work: a step awaited off the loop makes
//! two quick polls, one that sends it and one that takes its answer.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

// ANCHOR: slow_poll
/// `future`, with each poll timed: a poll longer than `threshold` calls
/// `warn(name, how long the poll took)`.
pub fn watch<F, W>(
    name: &'static str,
    threshold: Duration,
    future: F,
    warn: W,
) -> Watched<F, W>
where
    F: Future,
    W: FnMut(&str, Duration) + Unpin,
{
    Watched { name, threshold, future: Box::pin(future), warn }
}

/// A future whose polls are timed (made by [`watch`]).
pub struct Watched<F, W> {
    name: &'static str,
    threshold: Duration,
    future: Pin<Box<F>>,
    warn: W,
}

impl<F: Future, W: FnMut(&str, Duration) + Unpin> Future for Watched<F, W> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<F::Output> {
        let started = Instant::now();
        let poll = self.future.as_mut().poll(context);
        let took = started.elapsed();
        if took > self.threshold {
            let name = self.name;
            (self.warn)(name, took);
        }
        poll
    }
}
// ANCHOR_END: slow_poll

impl<F, W> fmt::Debug for Watched<F, W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, threshold) = (self.name, self.threshold);
        f.debug_struct("Watched")
            .field("name", &name)
            .field("threshold", &threshold)
            .finish()
    }
}
