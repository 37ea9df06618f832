//! Exercise 3.6, "On threads": the file you edit.
//!
//! Run the calls `call(0)`, `call(1)`, ... `call(calls - 1)` each on a
//! thread of its own, and return when every call has finished
//! (`std::thread::scope` lets the threads borrow `call`). The check makes
//! 8 calls of CPU work and measures how many threads ran them and how many
//! were in progress at once.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 3.6`

/// Runs every call, each on its own thread; returns when all have finished.
pub fn run_on_threads(calls: usize, call: &(dyn Fn(usize) + Sync)) {
    for index in 0..calls {
        call(index);
    }
}
