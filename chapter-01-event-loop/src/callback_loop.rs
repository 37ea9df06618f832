//! A callback event loop, small enough to read in one sitting.
//!
//! It has the operations the article's first program uses, with the meaning
//! asyncio gives them:
//!
//! - [`EventLoop::call_soon`] puts a callback on the *ready queue*; ready
//!   callbacks run in the order they were scheduled (FIFO).
//! - [`EventLoop::call_later`] (and [`EventLoop::call_at`]) puts a callback on
//!   the *timer heap*, ordered by deadline; equal deadlines keep their
//!   scheduling order.
//! - [`EventLoop::run_forever`] is the loop itself: wait until something is
//!   due, move due timers to the ready queue, run the ready callbacks, repeat,
//!   until [`EventLoop::stop`].
//!
//! The wait is the operating system's: `mio::Poll` (epoll on Linux), with the
//! nearest deadline as its timeout. That is what lets the loop also wait for
//! sockets ([`readiness`](crate::readiness): `add_reader`) and be woken by
//! other threads through a [`LoopHandle`] (asyncio's `call_soon_threadsafe`).
//!
//! A callback receives `&mut EventLoop`, so it can schedule more callbacks:
//! that is how a callback repeats itself. Everything runs on one thread, so
//! callbacks need no locks.

use std::cell::RefCell;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::fmt;
use std::io;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crate::clock::Clock;
use crate::task::TaskSlot;
use crate::timer::Timer;

/// A callback scheduled from the loop's own thread.
pub type Callback = Box<dyn FnOnce(&mut EventLoop)>;

/// A socket's callback: it runs each time the socket becomes readable.
pub(crate) type Reader = Rc<dyn Fn(&mut EventLoop)>;

/// A callback sent from another thread: it must be `Send` to cross over.
type RemoteCallback = Box<dyn FnOnce(&mut EventLoop) + Send>;

/// The token `mio` reports when another thread wakes the loop.
const WAKE_TOKEN: mio::Token = mio::Token(usize::MAX);

// ANCHOR: event_loop
/// A single-threaded callback event loop: a ready queue, a timer heap, and a
/// wait in the operating system that sockets and other threads can end.
pub struct EventLoop {
    /// Callbacks that can run now, in scheduling order.
    pub(crate) ready: VecDeque<Callback>,
    /// Callbacks waiting for their deadline, earliest on top.
    timers: BinaryHeap<Timer<Callback>>,
    /// Gives every timer a sequence number, so equal deadlines run in FIFO order.
    next_sequence: u64,
    /// Set by `stop`: finish the current batch of callbacks, then return.
    stopping: bool,
    /// The operating system's readiness wait (epoll on Linux).
    pub(crate) poll: mio::Poll,
    events: mio::Events,
    /// Callbacks from other threads arrive here, then wake `poll`.
    inbox: Receiver<RemoteCallback>,
    handle: LoopHandle,
    /// Sockets watched by `add_reader`: file descriptor -> callback.
    pub(crate) readers: HashMap<i32, Reader>,
    /// Spawned futures, by task number (see `executor`).
    pub(crate) tasks: HashMap<u64, TaskSlot>,
    clock: Clock,
}
// ANCHOR_END: event_loop

/// How much work is waiting on a loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    /// Callbacks on the ready queue.
    pub ready: usize,
    /// Callbacks waiting for a deadline.
    pub timers: usize,
}

impl EventLoop {
    /// An empty loop on the real clock: nothing ready, no timers, not running.
    pub fn new() -> Self {
        EventLoop::with_clock(Clock::real())
    }

    /// A loop whose clock stands still while callbacks run and jumps to the
    /// next deadline when the loop would sleep (tokio's paused time), for
    /// tests where time is not the lesson.
    pub fn paused() -> Self {
        EventLoop::with_clock(Clock::paused())
    }

    fn with_clock(clock: Clock) -> Self {
        let poll = mio::Poll::new().expect("the OS provides a readiness queue");
        let waker = mio::Waker::new(poll.registry(), WAKE_TOKEN)
            .expect("the OS provides an eventfd for waking the loop");
        let (sender, inbox) = mpsc::channel();
        EventLoop {
            ready: VecDeque::new(),
            timers: BinaryHeap::new(),
            next_sequence: 0,
            stopping: false,
            poll,
            events: mio::Events::with_capacity(64),
            inbox,
            handle: LoopHandle { sender, waker: Arc::new(waker) },
            readers: HashMap::new(),
            tasks: HashMap::new(),
            clock,
        }
    }

    // ANCHOR: scheduling
    /// Schedules `callback` to run on the next pass of the loop, after the
    /// callbacks already on the ready queue.
    pub fn call_soon(&mut self, callback: impl FnOnce(&mut EventLoop) + 'static) {
        self.ready.push_back(Box::new(callback));
    }

    /// Schedules `callback` to run `delay` from now.
    pub fn call_later(
        &mut self,
        delay: Duration,
        callback: impl FnOnce(&mut EventLoop) + 'static,
    ) {
        self.call_at(self.now() + delay, callback);
    }

    /// Schedules `callback` to run at `deadline` (or as soon as possible after).
    pub fn call_at(
        &mut self,
        deadline: Instant,
        callback: impl FnOnce(&mut EventLoop) + 'static,
    ) {
        let sequence = self.next_sequence;
        self.next_sequence += 1;
        self.timers.push(Timer { deadline, sequence, callback: Box::new(callback) });
    }
    // ANCHOR_END: scheduling

    /// The loop's idea of now (asyncio's `loop.time()`).
    pub fn now(&self) -> Instant {
        self.clock.now()
    }

    /// Asks `run_forever` to return once the current batch of callbacks is done.
    pub fn stop(&mut self) {
        self.stopping = true;
    }

    /// A handle other threads can use to reach this loop.
    pub fn handle(&self) -> LoopHandle {
        self.handle.clone()
    }

    /// What is waiting to run.
    pub fn pending(&self) -> Pending {
        Pending { ready: self.ready.len(), timers: self.timers.len() }
    }

    // ANCHOR: run_forever
    /// Runs callbacks as they become due until [`EventLoop::stop`] is called.
    pub fn run_forever(&mut self) {
        let _running = Running::enter();
        loop {
            self.run_once();
            if self.stopping {
                break;
            }
        }
        self.stopping = false;
    }

    /// One pass: wait for work, collect what is due, run one batch.
    fn run_once(&mut self) {
        self.wait_for_work();
        while let Ok(callback) = self.inbox.try_recv() {
            self.ready.push_back(callback);
        }
        self.queue_ready_readers();
        let now = self.now();
        while self.timers.peek().is_some_and(|timer| timer.deadline <= now) {
            let timer = self.timers.pop().expect("peeked above");
            self.ready.push_back(timer.callback);
        }
        // Run only this batch: callbacks scheduled by these ones wait for the
        // next pass, so a callback that keeps rescheduling itself with
        // `call_soon` cannot starve the timers or the sockets.
        for _ in 0..self.ready.len() {
            let callback = self.ready.pop_front().expect("counted above");
            callback(self);
            self.apply_requests();
        }
    }
    // ANCHOR_END: run_forever

    // ANCHOR: wait_for_work
    /// Waits in the OS until the earliest timer is due, a watched socket is
    /// readable or another thread calls; does not wait if something is ready.
    fn wait_for_work(&mut self) {
        let idle = self.ready.is_empty() && !self.stopping;
        let next_deadline = self.timers.peek().map(|timer| timer.deadline);
        let timeout = match (idle, next_deadline) {
            (false, _) => Some(Duration::ZERO), // look at the sockets, don't sleep
            (true, Some(deadline)) => Some(self.clock.until(deadline)),
            (true, None) => None, // only a socket or another thread can help
        };
        match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => {}
            // A signal (Ctrl-C) interrupted the wait: just look again.
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => panic!("the OS readiness wait failed: {err}"),
        }
        // Nothing came and nothing is ready: the next timer is due.
        if idle
            && self.events.is_empty()
            && let Some(deadline) = next_deadline
        {
            self.clock.advance_to(deadline); // only a paused clock moves
        }
    }
    // ANCHOR_END: wait_for_work

    /// Moves the callbacks of the sockets `poll` reported onto the ready
    /// queue; each looks its reader up again when it runs, so one removed
    /// meanwhile does not run.
    fn queue_ready_readers(&mut self) {
        let fds: Vec<i32> = self
            .events
            .iter()
            .filter(|event| event.token() != WAKE_TOKEN)
            .map(|event| event.token().0 as i32)
            .collect();
        for fd in fds {
            self.call_soon(move |event_loop| {
                if let Some(reader) = event_loop.readers.get(&fd).cloned() {
                    reader(event_loop);
                }
            });
        }
    }
}

// ANCHOR: running_loop
thread_local! {
    /// Set while a loop runs on this thread: what code that has no
    /// `&mut EventLoop` (a future's `poll`, a waker) asked of it meanwhile.
    /// asyncio also finds its running loop in a thread-local.
    static REQUESTS: RefCell<Option<Vec<Callback>>> = const { RefCell::new(None) };
}

/// Whether an [`EventLoop`] is running on this thread right now.
pub fn running_here() -> bool {
    REQUESTS.with(|requests| requests.borrow().is_some())
}

/// Asks the loop running on this thread to do `request` as soon as the
/// current callback returns, as if that callback had done it itself.
///
/// # Panics
///
/// If no loop runs on this thread (tokio's futures panic the same way
/// outside a tokio runtime).
pub fn with_running_loop(request: impl FnOnce(&mut EventLoop) + 'static) {
    REQUESTS.with(|requests| match requests.borrow_mut().as_mut() {
        Some(queue) => queue.push(Box::new(request)),
        None => panic!("this needs the chapter's EventLoop running on this thread"),
    });
}

impl EventLoop {
    /// Does what was asked through [`with_running_loop`], in order.
    fn apply_requests(&mut self) {
        loop {
            let asked = REQUESTS.with(|requests| {
                requests.borrow_mut().as_mut().map(std::mem::take).unwrap_or_default()
            });
            if asked.is_empty() {
                return;
            }
            for request in asked {
                request(self);
            }
        }
    }
}
// ANCHOR_END: running_loop

/// Marks this thread as running a loop until dropped.
struct Running;

impl Running {
    fn enter() -> Running {
        REQUESTS.with(|requests| {
            let mut requests = requests.borrow_mut();
            assert!(requests.is_none(), "a loop is already running on this thread");
            *requests = Some(Vec::new());
        });
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        REQUESTS.with(|requests| *requests.borrow_mut() = None);
    }
}

impl Default for EventLoop {
    fn default() -> Self {
        EventLoop::new()
    }
}

impl fmt::Debug for EventLoop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventLoop")
            .field("pending", &self.pending())
            .field("readers", &self.readers.len())
            .field("tasks", &self.tasks.len())
            .field("stopping", &self.stopping)
            .finish_non_exhaustive()
    }
}

// ANCHOR: handle
/// A `Send + Clone` handle to an [`EventLoop`], for other threads.
#[derive(Clone)]
pub struct LoopHandle {
    sender: Sender<RemoteCallback>,
    /// Ends the loop's wait in `mio::Poll` (an eventfd on Linux).
    waker: Arc<mio::Waker>,
}

impl LoopHandle {
    /// Schedules `callback` on the loop from any thread and wakes the loop
    /// (asyncio's `call_soon_threadsafe`). Does nothing if the loop is gone.
    pub fn call_soon_threadsafe(
        &self,
        callback: impl FnOnce(&mut EventLoop) + Send + 'static,
    ) {
        // An error only means the loop was dropped: there is nobody to tell.
        if self.sender.send(Box::new(callback)).is_ok() {
            let _ = self.waker.wake();
        }
    }
}
// ANCHOR_END: handle

impl LoopHandle {
    /// Stops the loop from any thread.
    pub fn stop(&self) {
        self.call_soon_threadsafe(EventLoop::stop);
    }
}

impl fmt::Debug for LoopHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoopHandle").finish_non_exhaustive()
    }
}
