//! The ordering guarantees of the chapter's callback event loop.
//!
//! None of these tests depends on timing luck: deadlines are fixed when a
//! callback is scheduled, so a slow machine can make timers late but cannot
//! change their order.

use std::cell::RefCell;
use std::rc::Rc;
use std::thread;
use std::time::{Duration, Instant};

use chapter_01_event_loop::callback_loop::{EventLoop, Pending};

/// A log that callbacks append to, shared on the loop's one thread.
fn log() -> Rc<RefCell<Vec<&'static str>>> {
    Rc::new(RefCell::new(Vec::new()))
}

fn record(
    log: &Rc<RefCell<Vec<&'static str>>>,
    name: &'static str,
) -> impl FnOnce(&mut EventLoop) + 'static {
    let log = Rc::clone(log);
    move |_| log.borrow_mut().push(name)
}

/// Ready callbacks run in the order they were scheduled.
#[test]
fn call_soon_is_first_in_first_out() {
    let log = log();
    let mut event_loop = EventLoop::new();
    for name in ["a", "b", "c", "d"] {
        event_loop.call_soon(record(&log, name));
    }
    event_loop.call_soon(EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["a", "b", "c", "d"]);
}

/// A callback scheduled by a callback runs after everything already queued.
#[test]
fn callbacks_scheduled_by_callbacks_go_to_the_back() {
    let log = log();
    let mut event_loop = EventLoop::new();
    let inner = record(&log, "scheduled by a");
    let outer_log = Rc::clone(&log);
    event_loop.call_soon(move |event_loop| {
        outer_log.borrow_mut().push("a");
        event_loop.call_soon(inner);
        event_loop.call_soon(EventLoop::stop);
    });
    event_loop.call_soon(record(&log, "b"));
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["a", "b", "scheduled by a"]);
}

/// Timers run in deadline order, whatever order they were scheduled in.
#[test]
fn timers_run_in_deadline_order() {
    let log = log();
    let mut event_loop = EventLoop::new();
    event_loop.call_later(Duration::from_millis(30), record(&log, "30 ms"));
    event_loop.call_later(Duration::from_millis(10), record(&log, "10 ms"));
    event_loop.call_later(Duration::from_millis(20), record(&log, "20 ms"));
    event_loop.call_later(Duration::from_millis(40), EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["10 ms", "20 ms", "30 ms"]);
}

/// Timers with the same deadline run in the order they were scheduled.
#[test]
fn equal_deadlines_keep_scheduling_order() {
    let log = log();
    let mut event_loop = EventLoop::new();
    let deadline = Instant::now() + Duration::from_millis(5);
    for name in ["first", "second", "third"] {
        event_loop.call_at(deadline, record(&log, name));
    }
    event_loop.call_at(deadline, EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["first", "second", "third"]);
}

/// A timer that is already due still runs after the ready callbacks queued before it.
#[test]
fn ready_callbacks_run_before_a_due_timer() {
    let log = log();
    let mut event_loop = EventLoop::new();
    event_loop.call_later(Duration::ZERO, record(&log, "timer"));
    event_loop.call_soon(record(&log, "soon"));
    event_loop.call_later(Duration::ZERO, EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["soon", "timer"]);
}

/// A timer never runs before its deadline.
#[test]
fn timers_never_run_early() {
    let ran_at = Rc::new(RefCell::new(None));
    let mut event_loop = EventLoop::new();
    let deadline = Instant::now() + Duration::from_millis(25);
    let slot = Rc::clone(&ran_at);
    event_loop.call_at(deadline, move |event_loop| {
        *slot.borrow_mut() = Some(Instant::now());
        event_loop.stop();
    });
    event_loop.run_forever();
    let ran_at = ran_at.borrow().expect("the timer ran");
    assert!(ran_at >= deadline);
}

/// A callback that reschedules itself with `call_later` repeats: the article's pattern.
#[test]
fn a_callback_can_repeat_itself() {
    fn tick(event_loop: &mut EventLoop, count: Rc<RefCell<u32>>) {
        *count.borrow_mut() += 1;
        if *count.borrow() == 5 {
            event_loop.stop();
        } else {
            event_loop.call_later(Duration::from_millis(1), move |event_loop| {
                tick(event_loop, count)
            });
        }
    }
    let count = Rc::new(RefCell::new(0));
    let mut event_loop = EventLoop::new();
    let counter = Rc::clone(&count);
    event_loop.call_soon(move |event_loop| tick(event_loop, counter));
    event_loop.run_forever();
    assert_eq!(*count.borrow(), 5);
}

/// `stop` finishes the current batch but leaves later callbacks queued.
#[test]
fn stop_finishes_the_current_batch_only() {
    let log = log();
    let mut event_loop = EventLoop::new();
    let later = record(&log, "scheduled by stopper");
    let stopper_log = Rc::clone(&log);
    event_loop.call_soon(move |event_loop| {
        stopper_log.borrow_mut().push("stopper");
        event_loop.stop();
        event_loop.call_soon(later);
    });
    event_loop.call_soon(record(&log, "same batch"));
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["stopper", "same batch"]);
    assert_eq!(event_loop.pending(), Pending { ready: 1, timers: 0 });
}

/// Without `run_forever`, scheduled callbacks just sit there.
#[test]
fn nothing_runs_until_the_loop_runs() {
    let log = log();
    let mut event_loop = EventLoop::new();
    event_loop.call_soon(record(&log, "soon"));
    event_loop.call_later(Duration::ZERO, record(&log, "later"));
    thread::sleep(Duration::from_millis(5));
    assert!(log.borrow().is_empty());
    assert_eq!(event_loop.pending(), Pending { ready: 1, timers: 1 });
}

/// Another thread can stop a loop that is asleep waiting for a far timer.
#[test]
fn a_handle_stops_the_loop_from_another_thread() {
    let log = log();
    let mut event_loop = EventLoop::new();
    event_loop.call_later(Duration::from_secs(3600), record(&log, "an hour later"));
    let handle = event_loop.handle();
    let stopper = thread::spawn(move || handle.stop());
    event_loop.run_forever();
    stopper.join().unwrap();
    assert!(log.borrow().is_empty(), "the hour-long timer did not run");
    assert_eq!(event_loop.pending().timers, 1);
}
