//! Exercise 1.2, "Starve the timers": the reference solution.

use std::cell::Cell;
use std::rc::Rc;

use chapter_01_event_loop::callback_loop::EventLoop;

// ANCHOR: solution
/// One spin: count it, then run again on the next pass, until the timer ran.
pub fn spin(event_loop: &mut EventLoop, spins: Rc<Cell<u64>>, timer_ran: Rc<Cell<bool>>) {
    if timer_ran.get() {
        return;
    }
    spins.set(spins.get() + 1);
    event_loop.call_soon(move |event_loop| spin(event_loop, spins, timer_ran));
}
// ANCHOR_END: solution
