//! One entry of the loop's timer heap: a callback and when it is due.
//!
//! `BinaryHeap` is a max-heap; reversing the order puts the earliest deadline
//! (and, for equal deadlines, the earliest scheduled) on top.

use std::cmp::Ordering;
use std::time::Instant;

/// A callback of type `C` waiting for `deadline`.
#[derive(Debug)]
pub(crate) struct Timer<C> {
    pub(crate) deadline: Instant,
    /// Scheduling order, so that equal deadlines run first in, first out.
    pub(crate) sequence: u64,
    pub(crate) callback: C,
}

impl<C> Ord for Timer<C> {
    fn cmp(&self, other: &Self) -> Ordering {
        (other.deadline, other.sequence).cmp(&(self.deadline, self.sequence))
    }
}

impl<C> PartialOrd for Timer<C> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<C> PartialEq for Timer<C> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<C> Eq for Timer<C> {}
