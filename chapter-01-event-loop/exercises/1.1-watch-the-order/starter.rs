//! Exercise 1.1, "Watch the order": the file you edit.
//!
//! The check schedules these callbacks on chapter 1's `EventLoop`, in this
//! order, then runs the loop:
//!
//! ```text
//! call_later(30 ms, "30 ms")
//! call_later(10 ms, "10 ms")
//! call_soon("soon 1")
//! call_later(20 ms, "20 ms")
//! call_soon("soon 2")
//! ```
//!
//! Predict the order in which they run, and return it from
//! `predicted_order`. The check runs the loop and compares.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 1.1`

/// The names of the five callbacks, in the order the loop runs them.
pub fn predicted_order() -> Vec<&'static str> {
    // The order they were scheduled in: is that the order they run in?
    vec!["30 ms", "10 ms", "soon 1", "20 ms", "soon 2"]
}
