//! Exercise 1.5, "Give the loop a turn": the reference solution.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: solution
/// Gives the loop a turn: `Pending` once, after waking itself, so the task
/// goes to the back of the ready queue; `Ready` on the next poll.
pub fn yield_now() -> impl Future<Output = ()> {
    YieldNow { yielded: false }
}

struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        context.waker().wake_by_ref(); // schedules our next poll: a call_soon
        Poll::Pending
    }
}
// ANCHOR_END: solution
