//! Exercise 1.1, "Watch the order": the reference solution.

// ANCHOR: solution
/// The names of the five callbacks, in the order the loop runs them.
pub fn predicted_order() -> Vec<&'static str> {
    // The ready queue first, first in first out; then the timers by deadline.
    vec!["soon 1", "soon 2", "10 ms", "20 ms", "30 ms"]
}
// ANCHOR_END: solution
