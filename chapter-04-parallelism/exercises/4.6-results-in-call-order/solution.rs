//! Exercise 4.6, "Results in call order": the reference solution.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

// ANCHOR: solution
/// `work` applied to every input on `threads` threads; results in input order.
pub fn pool_map(
    threads: usize,
    inputs: &[u64],
    work: &(dyn Fn(u64) -> u64 + Sync),
) -> Vec<u64> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (next, sender) = (&next, sender.clone());
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&input) = inputs.get(index) else { break };
                    // Each result travels with the index of its input.
                    let _ = sender.send((index, work(input)));
                }
            });
        }
    });
    drop(sender);
    let mut results = vec![0; inputs.len()];
    for (index, result) in receiver {
        results[index] = result; // its place, whenever it arrived
    }
    results
}
// ANCHOR_END: solution
