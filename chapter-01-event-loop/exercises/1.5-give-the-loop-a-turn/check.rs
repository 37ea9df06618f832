//! 1.5's check: polls one `yield_now()` by hand, counting the wakes it asks
//! for, then runs two tasks that yield between their steps beside a
//! `call_soon` callback on chapter 1's loop, and reports the order of the
//! steps.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use chapter_01_event_loop::callback_loop::EventLoop;
use course_exercises::probe::Probe;

use super::answer;

/// Counts the wakes of a task polled by hand.
#[derive(Debug, Default)]
struct CountWakes(AtomicUsize);

impl Wake for CountWakes {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn word(poll: Poll<()>) -> &'static str {
    if poll.is_ready() { "Ready" } else { "Pending" }
}

pub(crate) fn measure(probe: &Probe) {
    let wakes = Arc::new(CountWakes::default());
    let waker = Waker::from(Arc::clone(&wakes));
    let mut context = Context::from_waker(&waker);
    let mut future = Box::pin(answer::yield_now());
    probe.waiting("the first poll of your future to return");
    let first = future.as_mut().poll(&mut context);
    probe.fact("first", word(first));
    probe.fact("woken", wakes.0.load(Ordering::SeqCst));
    if first.is_ready() {
        return; // a finished future must not be polled again
    }
    probe.waiting("the second poll of your future to return");
    let second = future.as_mut().poll(&mut context);
    probe.fact("second", word(second));
    if second.is_pending() {
        return; // tasks that never finish would keep the loop from its stop
    }
    let log: Rc<RefCell<Vec<&str>>> = Rc::default();
    let mut event_loop = EventLoop::paused();
    for steps in [["a1", "a2"], ["b1", "b2"]] {
        let log = Rc::clone(&log);
        event_loop.spawn(async move {
            for step in steps {
                log.borrow_mut().push(step);
                answer::yield_now().await;
            }
        });
    }
    let logged = Rc::clone(&log);
    event_loop.call_soon(move |_| logged.borrow_mut().push("callback"));
    event_loop.call_later(Duration::from_millis(1), EventLoop::stop);
    probe.waiting("the loop to stop, with two tasks that call your yield_now()");
    event_loop.run_forever();
    probe.fact("order", log.take());
}
