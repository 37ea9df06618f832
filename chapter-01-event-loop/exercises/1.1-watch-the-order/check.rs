//! 1.1's check: schedules the five callbacks the exercise lists on chapter
//! 1's loop (paused clock), runs it, and reports the order they ran in
//! beside the answer's prediction.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chapter_01_event_loop::callback_loop::EventLoop;
use course_exercises::probe::Probe;

use super::answer;

pub(crate) fn measure(probe: &Probe) {
    probe.waiting("your predicted_order() to return");
    probe.fact("predicted", answer::predicted_order());
    let log: Rc<RefCell<Vec<&str>>> = Rc::default();
    let record = |name: &'static str| {
        let log = Rc::clone(&log);
        move |_: &mut EventLoop| log.borrow_mut().push(name)
    };
    let mut event_loop = EventLoop::paused();
    event_loop.call_later(Duration::from_millis(30), record("30 ms"));
    event_loop.call_later(Duration::from_millis(10), record("10 ms"));
    event_loop.call_soon(record("soon 1"));
    event_loop.call_later(Duration::from_millis(20), record("20 ms"));
    event_loop.call_soon(record("soon 2"));
    event_loop.call_later(Duration::from_millis(40), EventLoop::stop);
    event_loop.run_forever();
    probe.fact("ran", log.take());
}
