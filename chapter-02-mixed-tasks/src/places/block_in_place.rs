//! tokio's `block_in_place`: block this worker, but first hand its other
//! tasks to a new worker thread.
//!
//! Only on a multi-thread runtime: on a current-thread runtime there is no
//! one to hand the tasks to, and the call panics. The hand-off moves the
//! worker's scheduler (its queue of tasks) to a thread from the blocking
//! pool; the step runs on, in the task that called it. Whatever else runs
//! inside that same task (futures under one `join!`) waits for the step.

// ANCHOR: block_in_place
/// Runs `step` on this worker thread, after handing the worker's other
/// tasks to another thread. The call itself blocks, like a step on the loop.
pub fn run<T>(step: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(step)
}
// ANCHOR_END: block_in_place
