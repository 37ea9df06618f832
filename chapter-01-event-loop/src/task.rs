//! What the loop keeps for one spawned future (see [`crate::executor`]).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::Waker;

/// A spawned future, pinned on the heap, and the waker that schedules its
/// next poll. The loop owns it until the future finishes.
pub(crate) struct TaskSlot {
    pub(crate) future: Pin<Box<dyn Future<Output = ()>>>,
    pub(crate) waker: Waker,
}

impl fmt::Debug for TaskSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskSlot").finish_non_exhaustive()
    }
}
