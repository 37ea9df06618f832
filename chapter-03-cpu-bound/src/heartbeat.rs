//! A periodic task that measures how late the runtime lets it run.
//!
//! Whatever else shares a runtime with CPU-bound work pays for it: a timer
//! cannot fire while every thread of the runtime is busy multiplying. The
//! heartbeat wants to run every [`PERIOD`]; it records each beat, when it was
//! due and when it ran. The article saw the same thing as a
//! 2-second timer that came 6 seconds apart (chapter 2 measures it in detail).

use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::{self, Instant};

use crate::observe::Beat;

/// How often the heartbeat wants to run.
pub const PERIOD: Duration = Duration::from_millis(10);

/// A running heartbeat task; [`Heartbeat::stop`] ends it and returns its beats.
#[derive(Debug)]
pub struct Heartbeat {
    stop: oneshot::Sender<()>,
    task: JoinHandle<Vec<Beat>>,
}

impl Heartbeat {
    /// Spawns the heartbeat on the current runtime and returns once it has run.
    pub async fn start() -> Heartbeat {
        let (stop, stopped) = oneshot::channel();
        let (running, is_running) = oneshot::channel();
        let task = tokio::spawn(beat(stopped, running));
        // If the task is gone already, there is nothing to wait for.
        let _ = is_running.await;
        Heartbeat { stop, task }
    }

    /// Stops the heartbeat; returns its beats (the last one may be a beat
    /// that was due and still waiting when it was stopped).
    pub async fn stop(self) -> Vec<Beat> {
        let _ = self.stop.send(());
        self.task.await.unwrap_or_default()
    }
}

// ANCHOR: beat
async fn beat(
    mut stop: oneshot::Receiver<()>,
    running: oneshot::Sender<()>,
) -> Vec<Beat> {
    let _ = running.send(());
    let mut beats = Vec::new();
    let mut due = Instant::now() + PERIOD;
    loop {
        tokio::select! {
            biased;
            _ = &mut stop => break,
            _ = time::sleep_until(due) => {}
        }
        // Late by however long the runtime kept this task from running.
        let now = Instant::now();
        beats.push(Beat { due: due.into_std(), ran: now.into_std() });
        due = now + PERIOD;
    }
    // A beat still waiting when stopped is as late as it has waited so far.
    let now = Instant::now();
    if now > due {
        beats.push(Beat { due: due.into_std(), ran: now.into_std() });
    }
    beats
}
// ANCHOR_END: beat

#[cfg(test)]
mod tests {
    use super::*;

    /// On an idle runtime (with time paused, so the test is exact) the
    /// heartbeat is never late; blocking the runtime's only thread makes it late.
    #[test]
    fn blocking_the_runtime_delays_the_heartbeat() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        let idle = runtime.block_on(async {
            let heartbeat = Heartbeat::start().await;
            time::sleep(PERIOD * 5).await;
            heartbeat.stop().await
        });
        assert!((4..=5).contains(&idle.len()), "one beat per period: {idle:?}");
        assert!(idle.iter().all(|beat| beat.lateness().is_zero()));

        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        let blocked = runtime.block_on(async {
            let heartbeat = Heartbeat::start().await;
            std::thread::sleep(PERIOD * 5); // the one thread is busy: nothing else runs
            heartbeat.stop().await
        });
        let late = blocked.iter().map(Beat::lateness).max().unwrap_or_default();
        assert!(late >= PERIOD * 3, "late by only {late:?}");
    }
}
