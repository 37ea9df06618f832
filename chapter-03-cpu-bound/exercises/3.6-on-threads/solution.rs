//! Exercise 3.6, "On threads": the reference solution.

// ANCHOR: solution
/// Runs every call, each on its own thread; returns when all have finished.
pub fn run_on_threads(calls: usize, call: &(dyn Fn(usize) + Sync)) {
    std::thread::scope(|scope| {
        for index in 0..calls {
            scope.spawn(move || call(index));
        }
    }); // the scope joins every thread before it returns
}
// ANCHOR_END: solution
