//! A callback event loop, small enough to read in one sitting.
//!
//! It has the three operations the article's first program uses, with the
//! meaning asyncio gives them:
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
//! A callback receives `&mut EventLoop`, so it can schedule more callbacks:
//! that is how a callback repeats itself. Everything runs on one thread, so
//! callbacks need no locks. Other threads talk to the loop only through a
//! [`LoopHandle`] (asyncio's `call_soon_threadsafe`), which is how Ctrl-C
//! reaches it.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};
use std::fmt;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// A callback scheduled from the loop's own thread.
type Callback = Box<dyn FnOnce(&mut EventLoop)>;

/// A callback sent from another thread: it must be `Send` to cross over.
type RemoteCallback = Box<dyn FnOnce(&mut EventLoop) + Send>;

// ANCHOR: event_loop
/// A single-threaded callback event loop: a ready queue, a timer heap, and a
/// channel for callbacks sent from other threads.
pub struct EventLoop {
    /// Callbacks that can run now, in scheduling order.
    ready: VecDeque<Callback>,
    /// Callbacks waiting for their deadline, earliest on top.
    timers: BinaryHeap<Timer>,
    /// Gives every timer a sequence number, so equal deadlines run in FIFO order.
    next_sequence: u64,
    /// Set by `stop`: finish the current batch of callbacks, then return.
    stopping: bool,
    /// Callbacks from other threads arrive here; waiting on it is the loop's sleep.
    inbox: Receiver<RemoteCallback>,
    inbox_sender: Sender<RemoteCallback>,
}
// ANCHOR_END: event_loop

struct Timer {
    deadline: Instant,
    sequence: u64,
    callback: Callback,
}

// BinaryHeap is a max-heap; reversing the order puts the earliest deadline
// (and, for equal deadlines, the earliest scheduled) on top.
impl Ord for Timer {
    fn cmp(&self, other: &Self) -> Ordering {
        (other.deadline, other.sequence).cmp(&(self.deadline, self.sequence))
    }
}

impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Timer {}

/// How much work is waiting on a loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    /// Callbacks on the ready queue.
    pub ready: usize,
    /// Callbacks waiting for a deadline.
    pub timers: usize,
}

impl EventLoop {
    /// An empty loop: nothing ready, no timers, not running.
    pub fn new() -> Self {
        let (inbox_sender, inbox) = mpsc::channel();
        EventLoop {
            ready: VecDeque::new(),
            timers: BinaryHeap::new(),
            next_sequence: 0,
            stopping: false,
            inbox,
            inbox_sender,
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
        self.call_at(Instant::now() + delay, callback);
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

    /// Asks `run_forever` to return once the current batch of callbacks is done.
    pub fn stop(&mut self) {
        self.stopping = true;
    }

    /// A handle other threads can use to reach this loop.
    pub fn handle(&self) -> LoopHandle {
        LoopHandle { sender: self.inbox_sender.clone() }
    }

    /// What is waiting to run.
    pub fn pending(&self) -> Pending {
        Pending { ready: self.ready.len(), timers: self.timers.len() }
    }

    // ANCHOR: run_forever
    /// Runs callbacks as they become due until [`EventLoop::stop`] is called.
    pub fn run_forever(&mut self) {
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
        let now = Instant::now();
        while self.timers.peek().is_some_and(|timer| timer.deadline <= now) {
            let timer = self.timers.pop().expect("peeked above");
            self.ready.push_back(timer.callback);
        }
        // Run only this batch: callbacks scheduled by these ones wait for the
        // next pass, so a callback that keeps rescheduling itself with
        // `call_soon` cannot starve the timers.
        for _ in 0..self.ready.len() {
            let callback = self.ready.pop_front().expect("counted above");
            callback(self);
        }
    }

    /// Sleeps until the earliest timer is due or another thread sends a
    /// callback; does not sleep at all if something is ready or stopping.
    fn wait_for_work(&mut self) {
        if !self.ready.is_empty() || self.stopping {
            return;
        }
        let received = match self.timers.peek() {
            Some(timer) => {
                let timeout = timer.deadline.saturating_duration_since(Instant::now());
                self.inbox.recv_timeout(timeout)
            }
            // No timers: only another thread can give the loop work.
            None => self.inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        if let Ok(callback) = received {
            self.ready.push_back(callback);
        }
    }
    // ANCHOR_END: run_forever
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
            .field("stopping", &self.stopping)
            .finish_non_exhaustive()
    }
}

/// A `Send + Clone` handle to an [`EventLoop`], for other threads.
#[derive(Debug, Clone)]
pub struct LoopHandle {
    sender: Sender<RemoteCallback>,
}

impl LoopHandle {
    /// Schedules `callback` on the loop from any thread and wakes the loop
    /// (asyncio's `call_soon_threadsafe`). Does nothing if the loop is gone.
    pub fn call_soon_threadsafe(
        &self,
        callback: impl FnOnce(&mut EventLoop) + Send + 'static,
    ) {
        // An error only means the loop was dropped: there is nobody to tell.
        let _ = self.sender.send(Box::new(callback));
    }

    /// Stops the loop from any thread.
    pub fn stop(&self) {
        self.call_soon_threadsafe(EventLoop::stop);
    }
}
