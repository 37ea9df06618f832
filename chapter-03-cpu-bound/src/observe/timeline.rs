//! When each call was computing, and in which order the calls finished.
//!
//! Every place records *spans*: intervals during which one call was allowed to
//! compute. For the loop, the threads and the tasks a span is a whole call;
//! under the GIL model it is one turn holding the lock. From the spans comes
//! the number the verdict rests on: the most calls that were computing at the
//! same instant. It is read off timestamps, so it is an observation, and it
//! does not depend on how busy the machine is (a busy machine makes spans
//! longer, which can only make them overlap more, never less). The timeline
//! also keeps what the picture draws: the stretches each call's thread was
//! seen computing (recorded by [`super::on_core`]).

use std::sync::Mutex;
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

/// One interval during which call `call` was computing (or, for I/O jobs,
/// waiting) on `thread`: a span, or a stretch seen on its core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The call's number, from 1.
    pub call: usize,
    /// The thread it ran on (a task's worker, for the tasks).
    pub thread: ThreadId,
    /// Time since the timeline's origin when the span began.
    pub start: Duration,
    /// Time since the timeline's origin when the span ended.
    pub end: Duration,
}

/// Spans and finishing order, recorded from any number of threads.
#[derive(Debug)]
pub struct Timeline {
    origin: Instant,
    spans: Mutex<Vec<Span>>,
    finished: Mutex<Vec<usize>>,
    stretches: Mutex<Vec<Span>>,
}

impl Timeline {
    /// An empty timeline whose clock starts now.
    pub fn new() -> Self {
        Timeline {
            origin: Instant::now(),
            spans: Mutex::default(),
            finished: Mutex::default(),
            stretches: Mutex::default(),
        }
    }

    /// The time from the timeline's origin to `instant` (zero if before).
    pub fn since_origin(&self, instant: Instant) -> Duration {
        instant.saturating_duration_since(self.origin)
    }

    /// Records a stretch during which a call's thread kept computing.
    pub fn stretch(&self, stretch: Span) {
        self.stretches.lock().unwrap_or_else(|poison| poison.into_inner()).push(stretch);
    }

    /// Every stretch recorded so far.
    pub fn stretches(&self) -> Vec<Span> {
        self.stretches.lock().unwrap_or_else(|poison| poison.into_inner()).clone()
    }

    /// Records that `call` was computing from `start` to `end` on this thread.
    pub fn record(&self, call: usize, start: Instant, end: Instant) {
        let (start, end) = (self.since_origin(start), self.since_origin(end));
        let span = Span { call, thread: thread::current().id(), start, end };
        self.spans.lock().unwrap_or_else(|poison| poison.into_inner()).push(span);
    }

    /// Records that `call` has finished (after its last span).
    pub fn finish(&self, call: usize) {
        self.finished.lock().unwrap_or_else(|poison| poison.into_inner()).push(call);
    }

    /// The calls that finished, in the order they did.
    pub fn finishing_order(&self) -> Vec<usize> {
        self.finished.lock().unwrap_or_else(|poison| poison.into_inner()).clone()
    }

    /// Every span recorded so far.
    pub fn spans(&self) -> Vec<Span> {
        self.spans.lock().unwrap_or_else(|poison| poison.into_inner()).clone()
    }

    /// The most spans that were open at the same instant.
    pub fn most_at_once(&self) -> usize {
        most_at_once(&self.spans())
    }
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline::new()
    }
}

// ANCHOR: most_at_once
/// The most spans open at one instant: sweep the starts and ends in time
/// order, +1 at a start, -1 at an end. A span that ends exactly when another
/// starts does not overlap it (ends sort first).
pub fn most_at_once(spans: &[Span]) -> usize {
    let mut events: Vec<(Duration, i32)> =
        spans.iter().flat_map(|span| [(span.start, 1), (span.end, -1)]).collect();
    events.sort();
    let (mut open, mut most) = (0i32, 0i32);
    for (_, change) in events {
        open += change;
        most = most.max(open);
    }
    most as usize
}
// ANCHOR_END: most_at_once
