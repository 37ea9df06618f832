//! 1.2's check: starts the answer's `spin` beside a 10 ms timer that stops
//! the loop. It does not trust the spin counter (the answer writes it): it
//! looks at the loop itself when the timer runs, where a spin that queues
//! itself again has left one spin waiting on the ready queue.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use chapter_01_event_loop::callback_loop::EventLoop;
use course_exercises::probe::Probe;

use super::answer;

pub(crate) fn measure(probe: &Probe) {
    let spins = Rc::new(Cell::new(0));
    let timer_ran = Rc::new(Cell::new(false));
    let waiting_at_the_timer = Rc::new(Cell::new(0));
    let mut event_loop = EventLoop::new();
    let (count, flag) = (Rc::clone(&spins), Rc::clone(&timer_ran));
    event_loop.call_soon(move |event_loop| answer::spin(event_loop, count, flag));
    let (flag, waiting) = (Rc::clone(&timer_ran), Rc::clone(&waiting_at_the_timer));
    // Armed by a callback queued after the first spin, so the first spin's
    // next run is queued before the timer can fall due.
    event_loop.call_soon(move |event_loop| {
        event_loop.call_later(Duration::from_millis(10), move |event_loop| {
            waiting.set(event_loop.pending().ready);
            flag.set(true);
            event_loop.stop();
        });
    });
    probe.waiting("the loop to stop: your `spin` to return to the loop");
    event_loop.run_forever();
    probe.fact("timer_ran", timer_ran.get());
    probe.fact("ready_at_the_timer", waiting_at_the_timer.get());
    probe.fact("counter", spins.get());
}
