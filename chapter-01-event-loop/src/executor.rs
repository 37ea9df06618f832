//! Futures on the callback loop: a task is a callback that polls a future.
//!
//! [`EventLoop::spawn`] stores the future and schedules its first poll with
//! `call_soon`. Polling returns `Ready` (the task is dropped) or `Pending`;
//! a pending future has handed the task's [`Waker`] to whatever it waits
//! for (a timer, a socket, another thread), and waking it schedules the next
//! poll. That is all an executor is; asyncio's `Task` does the same with
//! `call_soon(self.__step)`.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, ThreadId};

use crate::callback_loop::{self, EventLoop, LoopHandle};
use crate::task::TaskSlot;

/// Task numbers are unique in the process, so a late wake can never poll
/// another task that took over a finished one's number.
static NEXT_TASK: AtomicU64 = AtomicU64::new(0);

// ANCHOR: spawn
impl EventLoop {
    /// Makes `future` a task of this loop; its first poll is a `call_soon`.
    /// Nothing runs until the loop does.
    pub fn spawn(&mut self, future: impl Future<Output = ()> + 'static) {
        let id = NEXT_TASK.fetch_add(1, Ordering::Relaxed);
        let waker = Waker::from(Arc::new(TaskWaker {
            task: id,
            loop_thread: thread::current().id(),
            handle: self.handle(),
        }));
        self.tasks.insert(id, TaskSlot { future: Box::pin(future), waker });
        self.call_soon(move |event_loop| event_loop.poll_task(id));
    }

    /// The callback that runs a task one step: poll its future once.
    fn poll_task(&mut self, id: u64) {
        // A wake that comes after the task finished finds nothing: no poll.
        let Some(mut task) = self.tasks.remove(&id) else { return };
        let mut context = Context::from_waker(&task.waker);
        match task.future.as_mut().poll(&mut context) {
            Poll::Ready(()) => {} // finished: `task` is dropped here
            Poll::Pending => {
                self.tasks.insert(id, task);
            }
        }
    }
}
// ANCHOR_END: spawn

impl EventLoop {
    /// Runs the loop until `future` finishes and returns its output, or
    /// `None` if the loop was stopped first (asyncio's `run_until_complete`,
    /// tokio's `block_on`).
    pub fn run_until_complete<T: 'static>(
        &mut self,
        future: impl Future<Output = T> + 'static,
    ) -> Option<T> {
        let output = std::rc::Rc::new(std::cell::Cell::new(None));
        let slot = std::rc::Rc::clone(&output);
        self.spawn(async move {
            slot.set(Some(future.await));
            callback_loop::with_running_loop(EventLoop::stop);
        });
        self.run_forever();
        output.take()
    }

    /// How many spawned tasks have not finished.
    pub fn tasks(&self) -> usize {
        self.tasks.len()
    }
}

/// Spawns `future` on the loop running this thread, from inside a task
/// (tokio's `spawn`); it is first polled after the current callback.
pub fn spawn(future: impl Future<Output = ()> + 'static) {
    callback_loop::with_running_loop(move |event_loop| event_loop.spawn(future));
}

// ANCHOR: task_waker
/// What a task's [`Waker`] holds: which task, and how to reach its loop.
/// `Wake` needs `Send + Sync` (any thread may wake), so no `Rc` in here.
struct TaskWaker {
    task: u64,
    loop_thread: ThreadId,
    handle: LoopHandle,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        let id = self.task;
        let on_the_loop =
            thread::current().id() == self.loop_thread && callback_loop::running_here();
        if on_the_loop {
            // Inside one of the loop's own callbacks: a plain call_soon.
            callback_loop::with_running_loop(move |event_loop| {
                event_loop.call_soon(move |event_loop| event_loop.poll_task(id))
            });
        } else {
            // Another thread, or the loop is not running: the inbox.
            self.handle.call_soon_threadsafe(move |event_loop| event_loop.poll_task(id));
        }
    }
}
// ANCHOR_END: task_waker
