//! The article's program on the chapter's own callback loop.
//!
//! `print_and_repeat` greets and then schedules itself again with
//! `call_later`: a loop made of callbacks. `call_soon` starts the chain and
//! `run_forever` drives it.

use std::cell::RefCell;
use std::rc::Rc;
use std::thread;
use std::time::Duration;

use shared::shutdown::Shutdown;

use crate::callback_loop::EventLoop;
use crate::greeter::{Flow, Greeter, StopReason};

// ANCHOR: print_and_repeat
/// Greets, then asks the loop to call it again after `interval`.
fn print_and_repeat(
    event_loop: &mut EventLoop,
    greeter: Rc<RefCell<Greeter>>,
    interval: Duration,
) {
    match greeter.borrow_mut().greet() {
        Flow::Continue => {}
        Flow::Stop(_) => return event_loop.stop(),
    }
    let again = Rc::clone(&greeter);
    event_loop.call_later(interval, move |event_loop| {
        print_and_repeat(event_loop, again, interval)
    });
}
// ANCHOR_END: print_and_repeat

/// Schedules the first greeting. Until the loop runs, that is all that happens.
pub fn schedule(
    event_loop: &mut EventLoop,
    greeter: &Rc<RefCell<Greeter>>,
    interval: Duration,
) {
    let greeter = Rc::clone(greeter);
    event_loop
        .call_soon(move |event_loop| print_and_repeat(event_loop, greeter, interval));
}

// ANCHOR: run
/// Runs the greeting on a callback loop until the tick limit or Ctrl-C.
pub fn run(
    greeter: Greeter,
    interval: Duration,
    shutdown: &'static Shutdown,
) -> (Greeter, StopReason) {
    // One thread, one loop: `Rc<RefCell<..>>` is enough, no `Mutex` needed.
    let greeter = Rc::new(RefCell::new(greeter));
    let mut event_loop = EventLoop::new();
    schedule(&mut event_loop, &greeter, interval);
    stop_on_ctrl_c(&event_loop, shutdown);
    event_loop.run_forever();
    finished(event_loop, greeter)
}
// ANCHOR_END: run

/// Ctrl-C arrives on another thread; it reaches the loop through a handle,
/// like asyncio's `loop.add_signal_handler(SIGINT, loop.stop)`.
fn stop_on_ctrl_c(event_loop: &EventLoop, shutdown: &'static Shutdown) {
    let handle = event_loop.handle();
    thread::spawn(move || {
        shutdown.wait();
        handle.stop();
    });
}

/// The greeter back from a stopped loop, and why the loop stopped: by
/// itself only when a greeting asked it to, otherwise Ctrl-C.
fn finished(
    event_loop: EventLoop,
    greeter: Rc<RefCell<Greeter>>,
) -> (Greeter, StopReason) {
    drop(event_loop); // drops the pending timer and its clone of the Rc
    let greeter = Rc::into_inner(greeter).expect("the loop is gone").into_inner();
    let reason = greeter.finished().unwrap_or(StopReason::CtrlC);
    (greeter, reason)
}
