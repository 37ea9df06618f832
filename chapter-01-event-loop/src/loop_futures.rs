//! Futures that the loop completes: `sleep` on a timer, `readable` on a
//! socket. Each one's first poll asks the loop for a callback (`call_later`,
//! `add_reader`) that fires a [`Signal`]; the signal wakes the task.
//!
//! A [`Signal`] is what asyncio calls a `Future`: a value a callback sets
//! and a task waits for. In Rust, "future" names the other side, the thing
//! that is polled.

use std::cell::RefCell;
use std::future::Future;
use std::os::fd::RawFd;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use crate::callback_loop::{EventLoop, with_running_loop};

// ANCHOR: signal
/// Set once by a callback on the loop; wakes the task that waits for it.
#[derive(Debug, Default)]
pub struct Signal {
    fired: bool,
    waker: Option<Waker>,
}

impl Signal {
    /// Marks the signal as fired and wakes the waiting task, if any.
    pub fn fire(&mut self) {
        self.fired = true;
        if let Some(waker) = self.waker.take() {
            waker.wake();
        }
    }

    /// `Ready` once fired; otherwise keeps the latest waker and says `Pending`.
    fn poll_fired(&mut self, context: &Context<'_>) -> Poll<()> {
        if self.fired {
            return Poll::Ready(());
        }
        self.waker = Some(context.waker().clone());
        Poll::Pending
    }
}
// ANCHOR_END: signal

// ANCHOR: sleep
/// Completes `duration` after its first poll, on the loop's timer heap.
pub fn sleep(duration: Duration) -> Sleep {
    Sleep { duration, signal: None }
}

/// The future returned by [`sleep`].
#[derive(Debug)]
pub struct Sleep {
    duration: Duration,
    /// `None` until the first poll has asked for a timer.
    signal: Option<Rc<RefCell<Signal>>>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        let duration = self.duration;
        let signal = self.signal.get_or_insert_with(|| {
            let signal = Rc::new(RefCell::new(Signal::default()));
            let fire = Rc::clone(&signal);
            with_running_loop(move |event_loop| {
                event_loop.call_later(duration, move |_| fire.borrow_mut().fire())
            });
            signal
        });
        signal.borrow_mut().poll_fired(context)
    }
}
// ANCHOR_END: sleep

// ANCHOR: readable
/// Completes when `fd` is readable: a one-shot `add_reader`, the way
/// asyncio's `sock_recv` waits for a socket. Panics if `fd` cannot be
/// watched (it is not an open socket or pipe).
pub fn readable(fd: RawFd) -> Readable {
    Readable { fd, signal: None }
}

/// The future returned by [`readable`].
#[derive(Debug)]
pub struct Readable {
    fd: RawFd,
    signal: Option<Rc<RefCell<Signal>>>,
}

impl Future for Readable {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        let fd = self.fd;
        let signal = self.signal.get_or_insert_with(|| {
            let signal = Rc::new(RefCell::new(Signal::default()));
            let fire = Rc::clone(&signal);
            with_running_loop(move |event_loop| {
                let on_readable = move |event_loop: &mut EventLoop| {
                    event_loop.remove_reader(fd); // one shot
                    fire.borrow_mut().fire();
                };
                if let Err(err) = event_loop.add_reader(fd, on_readable) {
                    panic!("cannot watch file descriptor {fd}: {err}");
                }
            });
            signal
        });
        signal.borrow_mut().poll_fired(context)
    }
}
// ANCHOR_END: readable

impl Drop for Readable {
    /// A task dropped while waiting stops watching its socket.
    fn drop(&mut self) {
        let waiting = self.signal.as_ref().is_some_and(|s| !s.borrow().fired);
        if waiting && crate::callback_loop::running_here() {
            let fd = self.fd;
            with_running_loop(move |event_loop| {
                event_loop.remove_reader(fd);
            });
        }
    }
}
