//! 4.6's check: 8 inputs through the answer's pool of 4 threads; each even
//! call waits (up to a patience) for the next one to finish, so the calls
//! certainly finish out of order. The results do not grow with the inputs,
//! so neither finish order nor sorting can pass for call order. Reports the
//! order the calls finished in, the results, and how many ran at once.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use course_exercises::measure::{Overlap, wait_for};
use course_exercises::probe::Probe;

use super::answer;

/// What a call returns for its input: 130, 160, 190, 120, 150, ...
fn result_of(input: u64) -> u64 {
    100 + (input * 3 + 3) % 10 * 10
}

pub(crate) fn measure(probe: &Probe) {
    let inputs: Vec<u64> = (0..8).collect();
    let done: Vec<AtomicBool> = inputs.iter().map(|_| AtomicBool::new(false)).collect();
    let finished = Mutex::new(Vec::new());
    let overlap = Overlap::default();
    let work = |input: u64| {
        overlap.enter();
        if input.is_multiple_of(2) {
            wait_for(|| done[input as usize + 1].load(Ordering::SeqCst));
        }
        finished.lock().unwrap_or_else(|e| e.into_inner()).push(input);
        done[input as usize].store(true, Ordering::SeqCst);
        overlap.leave();
        result_of(input)
    };
    probe.waiting("your pool_map(4, inputs, work) to return");
    let results = answer::pool_map(4, &inputs, &work);
    let wanted: Vec<u64> = inputs.iter().map(|&input| result_of(input)).collect();
    // Each result mapped back to its input (results are all different).
    let came_for: Vec<Option<u64>> = results
        .iter()
        .map(|result| wanted.iter().position(|w| w == result).map(|i| i as u64))
        .collect();
    probe.fact("finished", finished.into_inner().unwrap_or_else(|e| e.into_inner()));
    probe.fact("came_for", came_for);
    probe.fact("most", overlap.most());
}
