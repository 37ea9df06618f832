//! The greeting itself, the same on every runtime.
//!
//! Each runtime only decides *when* [`Greeter::greet`] is called; what a tick
//! prints, when the program has greeted enough and how it sums up live here,
//! once, so that the runtimes' files show nothing but scheduling.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use shared::format;

/// Prints numbered greetings, each with the time since the start.
#[derive(Debug)]
pub struct Greeter {
    started: Instant,
    ticks: u64,
    limit: Option<u64>,
    finished: Option<StopReason>,
}

/// Whether the runtime should schedule another greeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Greet again after the interval.
    Continue,
    /// Stop now, for this reason.
    Stop(StopReason),
}

/// Why a greeting program ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The `--ticks` limit was reached.
    TicksDone,
    /// The user pressed Ctrl-C.
    CtrlC,
    /// Standard output was closed (for example `| head -3`).
    OutputClosed,
}

impl Greeter {
    /// A greeter whose clock starts now; `limit` is the number of greetings
    /// after which it asks to stop (`None`: never).
    pub fn new(limit: Option<u64>) -> Self {
        Greeter { started: Instant::now(), ticks: 0, limit, finished: None }
    }

    // ANCHOR: greet
    /// Prints one greeting and says whether to go on.
    pub fn greet(&mut self) -> Flow {
        self.ticks += 1;
        let elapsed = format::seconds(self.started.elapsed());
        let line = format!("Hello, World! (tick {}, {elapsed} after start)", self.ticks);
        if writeln!(io::stdout(), "{line}").is_err() {
            self.finished = Some(StopReason::OutputClosed);
        } else if self.limit.is_some_and(|limit| self.ticks >= limit) {
            self.finished = Some(StopReason::TicksDone);
        }
        match self.finished {
            Some(reason) => Flow::Stop(reason),
            None => Flow::Continue,
        }
    }
    // ANCHOR_END: greet

    /// Why the greeter asked to stop, if it did.
    pub fn finished(&self) -> Option<StopReason> {
        self.finished
    }

    /// Greetings printed so far.
    pub fn ticks(&self) -> u64 {
        self.ticks
    }

    /// Time since the greeter was made.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The one-line summary printed at the end of a run.
    pub fn summary(&self, reason: StopReason) -> String {
        let what = match reason {
            StopReason::TicksDone => "done",
            StopReason::CtrlC => "stopped by Ctrl-C",
            StopReason::OutputClosed => "stopped: output closed",
        };
        let plural = if self.ticks == 1 { "" } else { "s" };
        format!(
            "{what}: {} greeting{plural} in {}",
            self.ticks,
            format::seconds(self.elapsed())
        )
    }
}
