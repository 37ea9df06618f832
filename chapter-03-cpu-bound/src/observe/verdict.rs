//! The lesson's words, computed from what was observed.
//!
//! A CPU ratio alone would be a fragile verdict: on a busy machine another
//! program takes a core, and "1.98 of 2 cores" becomes "1.2 of 2 cores". The
//! verdict here rests on the timeline instead: how many calls were computing
//! at the same instant, read off timestamps, and how many cores there are to
//! run them. Load stretches the calls but cannot make overlapping calls stop
//! overlapping, nor make a lock with one holder have two. The CPU ratio is
//! printed next to the word, as the number it is.

use std::fmt;

/// What a place did with its calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// CPU work, never more than one call computing at a time.
    Serialised,
    /// CPU work, several calls computing at the same instant, on several cores.
    Parallel,
    /// CPU work, several calls in progress at once but one core to share:
    /// the operating system interleaves them.
    TimeSliced,
    /// Waiting work (requests on sockets), several waits at the same instant:
    /// waiting takes no core, so one thread is enough.
    Concurrent,
}

impl Verdict {
    // ANCHOR: verdict
    /// The verdict for CPU-bound calls: `most_at_once` calls were seen
    /// computing at the same instant on a machine with `cores` cores.
    pub fn for_cpu(most_at_once: usize, cores: usize) -> Verdict {
        match (most_at_once, cores) {
            (0 | 1, _) => Verdict::Serialised,
            (_, 1) => Verdict::TimeSliced,
            _ => Verdict::Parallel,
        }
    }
    // ANCHOR_END: verdict

    /// The verdict for requests that wait: `most_at_once` were seen waiting
    /// for their answers at the same instant.
    pub fn for_waits(most_at_once: usize) -> Verdict {
        if most_at_once > 1 { Verdict::Concurrent } else { Verdict::Serialised }
    }

    /// The word printed in the output.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Serialised => "serialised",
            Verdict::Parallel => "parallel",
            Verdict::TimeSliced => "time-sliced",
            Verdict::Concurrent => "concurrent",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}
