//! A ticker beside the calls: the course's ticker ([`shared::ticker`]) as a
//! task on the runtime that runs them, to measure how late that runtime
//! lets it run.
//!
//! Whatever else shares a runtime with CPU-bound work pays for it: a timer
//! cannot fire while every thread of the runtime is busy multiplying. The
//! ticker wants to tick every [`PERIOD`]; it records each tick, when it was
//! due and when it ran, and so its lateness ([`shared::ticker::Lateness`]
//! says when a tick counts as late). The article saw the same thing as a
//! 2-second timer that came 6 seconds apart (chapter 2 measures it in
//! detail).

use std::time::Duration;

use shared::ticker::{self, FirstTick, Flow};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use shared::ticker::Tick;

/// How often the ticker wants to tick.
pub const PERIOD: Duration = Duration::from_millis(10);

/// A running ticker task; [`Ticker::stop`] ends it and returns its ticks.
#[derive(Debug)]
pub struct Ticker {
    stop: oneshot::Sender<()>,
    task: JoinHandle<Vec<Tick>>,
}

impl Ticker {
    // ANCHOR: tick
    /// Spawns the ticker on the current runtime and returns once it has
    /// run: its first tick is due one period from then, whatever the
    /// calls do next.
    pub async fn start() -> Ticker {
        let (stop, stopped) = oneshot::channel::<()>();
        let (running, is_running) = oneshot::channel();
        let task = tokio::spawn(async move {
            let _ = running.send(());
            let stopped = async {
                let _ = stopped.await;
            };
            let every_tick = |_: &Tick| Flow::Continue;
            let sleep = tokio::time::sleep;
            let (ticks, _ended) =
                ticker::run(PERIOD, FirstTick::AfterInterval, sleep, stopped, every_tick)
                    .await;
            ticks
        });
        // If the task is gone already, there is nothing to wait for.
        let _ = is_running.await;
        Ticker { stop, task }
    }
    // ANCHOR_END: tick

    /// Stops the ticker; returns its ticks (the last one may be a tick
    /// that was due and still waiting when it was stopped).
    pub async fn stop(self) -> Vec<Tick> {
        let _ = self.stop.send(());
        self.task.await.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::ticker::Lateness;

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
            tokio::time::sleep(PERIOD * 5).await;
            ticker.stop().await
        });
        assert!((4..=5).contains(&idle.len()), "one tick per period: {idle:?}");
        assert!(Lateness::of(&idle, PERIOD).on_time(), "{idle:?}");

        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        let blocked = runtime.block_on(async {
            let ticker = Ticker::start().await;
            std::thread::sleep(PERIOD * 5); // the one thread is busy: nothing else runs
            ticker.stop().await
        });
        let late = Lateness::of(&blocked, PERIOD);
        assert!(late.worst >= PERIOD * 3, "late by only {:?}", late.worst);
        assert_eq!(late.verdict(), "LATE");
    }
}
