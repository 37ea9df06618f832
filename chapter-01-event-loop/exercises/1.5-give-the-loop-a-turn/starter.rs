//! Exercise 1.5, "Give the loop a turn": the file you edit.
//!
//! Write `yield_now()` for chapter 1's loop: a future that returns
//! `Pending` once, and `Ready` when polled again. Who must wake the task,
//! and when? The check polls your future by hand (counting wakes), then
//! runs two tasks that call it between their steps beside a `call_soon`
//! callback, and measures the order of the steps.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 1.5`

use std::future::Future;

/// Gives the loop a turn: `Pending` once, then `Ready`.
pub fn yield_now() -> impl Future<Output = ()> {
    // Ready at once: the task never lets anything else run.
    std::future::ready(())
}
