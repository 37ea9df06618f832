//! The mistake: the step on the loop's own thread.

// ANCHOR: on_loop
/// Runs `step` right here, on the thread that polls the task: until it
/// returns, no other task of this loop runs, and no timer fires.
pub fn run<T>(step: impl FnOnce() -> T) -> T {
    step()
}
// ANCHOR_END: on_loop
