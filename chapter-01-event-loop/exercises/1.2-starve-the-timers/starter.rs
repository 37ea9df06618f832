//! Exercise 1.2, "Starve the timers": the file you edit.
//!
//! Write `spin`, a callback that counts one spin and then queues itself
//! again with `call_soon`, so that the loop always has something ready. It
//! stops queueing itself once `timer_ran` is true. The check starts it
//! beside a 10 ms timer that sets `timer_ran` and stops the loop, and
//! measures whether a spin was still queued when the timer ran, and
//! whether it ran. (It does not trust the counter: it looks at the loop.)
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 1.2`

use std::cell::Cell;
use std::rc::Rc;

use chapter_01_event_loop::callback_loop::EventLoop;

/// One spin: count it, then run again on the next pass, until the timer ran.
pub fn spin(event_loop: &mut EventLoop, spins: Rc<Cell<u64>>, timer_ran: Rc<Cell<bool>>) {
    if timer_ran.get() {
        return;
    }
    spins.set(spins.get() + 1);
    // Queue the next spin here.
    let _ = event_loop;
}
