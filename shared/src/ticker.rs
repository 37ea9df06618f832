//! The course's one ticker, and the one meaning of "late".
//!
//! A ticker is a periodic job that notes, for every tick, when it was due and
//! when it actually ran. Whatever shares a loop with CPU work pays for it: a
//! tick cannot run while the loop's thread is busy multiplying, so its
//! lateness measures how long the loop was kept from it. Every chapter and
//! every exercise check measures with this ticker and judges with
//! [`Lateness`], so "late" means one thing across the course.
//!
//! The ticker re-arms after each tick *runs*, as the article's callback
//! re-arms itself with `call_later` after printing: a late tick pushes the
//! ones after it and never causes a catch-up burst (tokio's `interval` would
//! burst by default, `MissedTickBehavior::Burst`).
//!
//! It runs on any runtime: it is handed that runtime's `sleep`.

use std::future::Future;
use std::pin::pin;
use std::time::{Duration, Instant};

use futures::future::{Either, select};

/// One tick: its number (from 1), when it was due and when it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    /// 1 for the first tick.
    pub number: u64,
    /// When it should have run.
    pub due: Instant,
    /// When it ran; for a tick still waiting when the ticker was stopped,
    /// the moment it was stopped (it had waited at least that long).
    pub ran: Instant,
}

impl Tick {
    /// How late it ran (zero if on the dot).
    pub fn lateness(&self) -> Duration {
        self.ran.saturating_duration_since(self.due)
    }
}

/// When the first tick is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstTick {
    /// At once, like asyncio's `call_soon`.
    Now,
    /// One interval after the start, like `call_later(interval, ...)`.
    AfterInterval,
}

/// Whether the ticker goes on after a tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Wait for the next tick.
    Continue,
    /// Stop now (for example: the ticks asked for have run).
    Stop,
}

/// Why a ticker ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// `on_tick` returned [`Flow::Stop`].
    Done,
    /// The `stop` future completed (Ctrl-C, or the work being measured ended).
    Stopped,
}

// ANCHOR: ticker
/// Ticks every `interval`, each tick due one interval after the previous one
/// ran, until `on_tick` says stop or `stop` completes. `sleep` is the
/// runtime's timer. Returns every tick, in order, and why it ended.
pub async fn run<S: Future<Output = ()>>(
    interval: Duration,
    first: FirstTick,
    mut sleep: impl FnMut(Duration) -> S,
    stop: impl Future<Output = ()>,
    mut on_tick: impl FnMut(&Tick) -> Flow,
) -> (Vec<Tick>, Ended) {
    let mut stop = pin!(stop);
    let mut ticks = Vec::new();
    let start = Instant::now();
    let mut due = match first {
        FirstTick::Now => start,
        FirstTick::AfterInterval => start + interval,
    };
    loop {
        let wait = due.saturating_duration_since(Instant::now());
        // A tick already due runs at once: even a zero-length timer would
        // wait for the runtime's next look at its timers.
        if !wait.is_zero()
            && let Either::Right(_) = select(pin!(sleep(wait)), stop.as_mut()).await
        {
            return (stopped(ticks, due), Ended::Stopped);
        }
        let tick = Tick { number: ticks.len() as u64 + 1, due, ran: Instant::now() };
        ticks.push(tick);
        if on_tick(&tick) == Flow::Stop {
            return (ticks, Ended::Done);
        }
        // Re-arm after running, as the article's callback does.
        due = tick.ran + interval;
        // Stop is checked between ticks too: a loop that was busy past
        // several due times must not tick on after it was asked to stop.
        if futures::poll!(stop.as_mut()).is_ready() {
            return (stopped(ticks, due), Ended::Stopped);
        }
    }
}
// ANCHOR_END: ticker

/// A tick already due when the ticker is stopped has waited at least until
/// now: it counts, or a loop blocked until the end would show no lateness.
fn stopped(mut ticks: Vec<Tick>, due: Instant) -> Vec<Tick> {
    let now = Instant::now();
    if now > due {
        let number = ticks.len() as u64 + 1;
        ticks.push(Tick { number, due, ran: now });
    }
    ticks
}

/// How late a run's ticks were, held to one threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lateness {
    /// Ticks measured.
    pub ticks: usize,
    /// Ticks that ran more than `late_after` after they were due.
    pub late: usize,
    /// The worst lateness (zero for no ticks).
    pub worst: Duration,
    /// The threshold the ticks were held to: see [`late_after`].
    pub late_after: Duration,
}

/// The least lateness the course calls late, whatever the interval: a
/// loaded machine can keep a ready thread waiting this long for a core, so
/// below it a run cannot tell a blocked loop from a busy machine.
pub const SCHEDULER_SLACK: Duration = Duration::from_millis(20);

// ANCHOR: late_after
/// A tick is late when it ran more than a quarter of its interval after it
/// was due (and more than [`SCHEDULER_SLACK`]): late enough that the gap
/// between ticks visibly stretches, which a ticker on a free loop never does.
pub fn late_after(interval: Duration) -> Duration {
    (interval / 4).max(SCHEDULER_SLACK)
}
// ANCHOR_END: late_after

impl Lateness {
    /// Judges `ticks` of a ticker that ticks every `interval`.
    pub fn of(ticks: &[Tick], interval: Duration) -> Lateness {
        Lateness::of_waits(ticks.iter().map(Tick::lateness), interval)
    }

    /// Judges lateness measured some other way (each event's wait past its
    /// due time) against the same threshold.
    pub fn of_waits(
        waits: impl IntoIterator<Item = Duration>,
        interval: Duration,
    ) -> Lateness {
        let late_after = late_after(interval);
        let (mut ticks, mut late, mut worst) = (0, 0, Duration::ZERO);
        for wait in waits {
            ticks += 1;
            late += usize::from(wait > late_after);
            worst = worst.max(wait);
        }
        Lateness { ticks, late, worst, late_after }
    }

    /// True when no tick was late.
    pub fn on_time(&self) -> bool {
        self.late == 0
    }

    /// The lesson word: "on time" or "LATE".
    pub fn verdict(&self) -> &'static str {
        if self.on_time() { "on time" } else { "LATE" }
    }
}

/// The longest time between two ticks that ran (between the start of the
/// measured work and the first tick is the caller's to add): a loop that
/// was blocked for a while shows it here even when it ticked before and
/// after.
pub fn longest_gap(ticks: &[Tick]) -> Duration {
    ticks
        .windows(2)
        .map(|pair| pair[1].ran.saturating_duration_since(pair[0].ran))
        .max()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    fn tick(number: u64, due_ms: u64, ran_ms: u64, start: Instant) -> Tick {
        Tick {
            number,
            due: start + Duration::from_millis(due_ms),
            ran: start + Duration::from_millis(ran_ms),
        }
    }

    /// A quarter of the interval is the line (never under the scheduler's
    /// slack): at it is on time, past it is late.
    #[test]
    fn late_means_more_than_a_quarter_of_the_interval() {
        assert_eq!(late_after(200 * MS), 50 * MS);
        assert_eq!(late_after(2000 * MS), 500 * MS);
        assert_eq!(late_after(10 * MS), SCHEDULER_SLACK);
        let start = Instant::now();
        let on_time = [tick(1, 0, 1, start), tick(2, 201, 251, start)];
        let judged = Lateness::of(&on_time, 200 * MS);
        assert_eq!(
            (judged.verdict(), judged.late, judged.worst),
            ("on time", 0, 50 * MS)
        );
        // The case: steps of ~270 ms on a loop ticking every 200 ms.
        let late =
            [tick(1, 0, 0, start), tick(2, 200, 267, start), tick(3, 467, 548, start)];
        let judged = Lateness::of(&late, 200 * MS);
        assert_eq!((judged.verdict(), judged.late, judged.worst), ("LATE", 2, 81 * MS));
        assert_eq!(longest_gap(&late), 281 * MS);
    }

    /// The ticker ticks the count it is asked for, each tick due one
    /// interval after the previous one ran; a stop ends it between ticks.
    #[test]
    fn ticks_are_rearmed_after_they_run_and_stop_ends_the_ticker() {
        let sleep = |wait: Duration| async move { std::thread::sleep(wait) };
        let (ticks, ended) = futures::executor::block_on(run(
            2 * MS,
            FirstTick::Now,
            sleep,
            std::future::pending(),
            |tick| if tick.number == 3 { Flow::Stop } else { Flow::Continue },
        ));
        assert_eq!((ticks.len(), ended), (3, Ended::Done));
        assert_eq!(ticks.iter().map(|t| t.number).collect::<Vec<_>>(), [1, 2, 3]);
        for pair in ticks.windows(2) {
            assert_eq!(pair[1].due, pair[0].ran + 2 * MS);
        }
        let (ticks, ended) = futures::executor::block_on(run(
            MS,
            FirstTick::AfterInterval,
            |_| std::future::pending(),
            std::future::ready(()),
            |_| Flow::Continue,
        ));
        assert_eq!((ticks.len(), ended), (0, Ended::Stopped));
    }

    /// A tick that fell due while the loop was blocked and had not run when
    /// the ticker was stopped still counts, as late as it waited.
    #[test]
    fn a_tick_due_at_the_stop_counts() {
        let (ticks, ended) = futures::executor::block_on(run(
            MS,
            FirstTick::Now,
            |_| std::future::pending(),
            async { std::thread::sleep(5 * MS) },
            |_| Flow::Continue,
        ));
        assert_eq!(ended, Ended::Stopped);
        assert_eq!(ticks.len(), 2, "{ticks:?}");
        assert!(ticks[1].lateness() >= 3 * MS, "{ticks:?}");
    }
}
