//! A ticker: a periodic task that measures how late the runtime lets it run.
//!
//! Whatever else shares a runtime with CPU-bound work pays for it: a timer
//! cannot fire while every thread of the runtime is busy multiplying. The
//! ticker wants to tick every [`PERIOD`]; it records each tick, when it was
//! due and when it ran, and so its lateness. The article saw the same thing
//! as a 2-second timer that came 6 seconds apart (chapter 2 measures it in
//! detail).

use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::{self, Instant};

/// How often the ticker wants to tick.
pub const PERIOD: Duration = Duration::from_millis(10);

/// One tick: when it was due, and when the runtime let it run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    /// When it should have run.
    pub due: std::time::Instant,
    /// When the runtime let it run.
    pub ran: std::time::Instant,
}

impl Tick {
    /// How late it ran (zero if early).
    pub fn lateness(&self) -> Duration {
        self.ran.saturating_duration_since(self.due)
    }
}

/// The worst lateness of `ticks` (zero for none).
pub fn worst_lateness(ticks: &[Tick]) -> Duration {
    ticks.iter().map(Tick::lateness).max().unwrap_or_default()
}

/// A running ticker task; [`Ticker::stop`] ends it and returns its ticks.
#[derive(Debug)]
pub struct Ticker {
    stop: oneshot::Sender<()>,
    task: JoinHandle<Vec<Tick>>,
}

impl Ticker {
    /// Spawns the ticker on the current runtime and returns once it has run.
    pub async fn start() -> Ticker {
        let (stop, stopped) = oneshot::channel();
        let (running, is_running) = oneshot::channel();
        let task = tokio::spawn(tick(stopped, running));
        // If the task is gone already, there is nothing to wait for.
        let _ = is_running.await;
        Ticker { stop, task }
    }

    /// Stops the ticker; returns its ticks (the last one may be a tick
    /// that was due and still waiting when it was stopped).
    pub async fn stop(self) -> Vec<Tick> {
        let _ = self.stop.send(());
        self.task.await.unwrap_or_default()
    }
}

// ANCHOR: tick
async fn tick(
    mut stop: oneshot::Receiver<()>,
    running: oneshot::Sender<()>,
) -> Vec<Tick> {
    let _ = running.send(());
    let mut ticks = Vec::new();
    let mut due = Instant::now() + PERIOD;
    loop {
        tokio::select! {
            biased;
            _ = &mut stop => break,
            _ = time::sleep_until(due) => {}
        }
        // Late by however long the runtime kept this task from running.
        let now = Instant::now();
        ticks.push(Tick { due: due.into_std(), ran: now.into_std() });
        due = now + PERIOD;
    }
    // A tick still waiting when stopped is as late as it has waited so far.
    let now = Instant::now();
    if now > due {
        ticks.push(Tick { due: due.into_std(), ran: now.into_std() });
    }
    ticks
}
// ANCHOR_END: tick

#[cfg(test)]
mod tests {
    use super::*;

    /// On an idle runtime (with time paused, so the test is exact) the
    /// ticker is never late; blocking the runtime's only thread makes it late.
    #[test]
    fn blocking_the_runtime_makes_the_ticker_late() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        let idle = runtime.block_on(async {
            let ticker = Ticker::start().await;
            time::sleep(PERIOD * 5).await;
            ticker.stop().await
        });
        assert!((4..=5).contains(&idle.len()), "one tick per period: {idle:?}");
        assert!(idle.iter().all(|tick| tick.lateness().is_zero()));

        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        let blocked = runtime.block_on(async {
            let ticker = Ticker::start().await;
            std::thread::sleep(PERIOD * 5); // the one thread is busy: nothing else runs
            ticker.stop().await
        });
        let late = worst_lateness(&blocked);
        assert!(late >= PERIOD * 3, "late by only {late:?}");
    }
}
