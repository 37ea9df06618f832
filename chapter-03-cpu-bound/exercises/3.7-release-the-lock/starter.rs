//! Exercise 3.7, "Release the lock": the file you edit.
//!
//! A `Mutex<u64>` stands in for Python's GIL: the total it guards is the
//! interpreter's state, which a call may only touch while it holds the
//! lock. Each call runs `work()` (CPU work on its own data) and adds the
//! result to the total. As written, the lock is held for the whole call,
//! so calls on different threads take turns. Hold it only to add the
//! result, as a C extension releases the GIL around a long computation.
//! The check runs 4 calls on 4 threads and measures how many `work()`s were
//! in progress at once, and the total.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 3.7`

use std::sync::Mutex;

/// One call: run `work`, then add its result to the total under the lock.
pub fn call_under_lock(lock: &Mutex<u64>, work: &(dyn Fn() -> u64 + Sync)) {
    let mut total = lock.lock().expect("no call panics while holding the lock");
    *total += work();
}
