//! 5.1's check: the answer's chain of 40 steps of 20 ms of busy CPU, on a
//! current-thread runtime. The check's own step cancels the token in the
//! middle of the fourth step (the deadline), so where the cancel falls does
//! not depend on the machine's load. Reports the steps that began and
//! finished after the cancel, the CPU they spent after it, what the answer
//! returned, and the steps that finished after it returned (the check waits
//! until no step has run for a while, up to a second).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use course_exercises::measure::{PATIENCE, ms};
use course_exercises::probe::Probe;
use tokio_util::sync::CancellationToken;

use super::answer;

const STEPS: usize = 40;
const STEP: Duration = Duration::from_millis(20);
/// The step (from 0) in whose middle the check cancels the token.
const CANCEL_IN: usize = 3;

/// What the steps did, counted from inside them.
#[derive(Default)]
struct Steps {
    finished: AtomicU64,
    began_after: AtomicU64,
    finished_after: AtomicU64,
    /// Busy CPU spent in steps after the cancel, in microseconds.
    cpu_after_us: AtomicU64,
    cancelled: AtomicBool,
    cancelled_at: Mutex<Option<Instant>>,
    last_end: Mutex<Option<Instant>>,
}

/// Keeps one core busy for `duration`.
fn spin(duration: Duration) {
    let started = Instant::now();
    while started.elapsed() < duration {
        std::hint::spin_loop();
    }
}

impl Steps {
    fn run(&self, index: usize, token: &CancellationToken) {
        let began = Instant::now();
        if self.cancelled.load(Ordering::SeqCst) {
            self.began_after.fetch_add(1, Ordering::SeqCst);
        }
        spin(STEP / 2);
        if index == CANCEL_IN {
            *self.cancelled_at.lock().unwrap() = Some(Instant::now());
            self.cancelled.store(true, Ordering::SeqCst);
            token.cancel();
        }
        spin(STEP / 2);
        let ended = Instant::now();
        if let Some(at) = *self.cancelled_at.lock().unwrap() {
            self.finished_after.fetch_add(1, Ordering::SeqCst);
            let busy = ended - began.max(at);
            self.cpu_after_us.fetch_add(busy.as_micros() as u64, Ordering::SeqCst);
        }
        *self.last_end.lock().unwrap() = Some(ended);
        self.finished.fetch_add(1, Ordering::SeqCst);
    }

    fn count(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::SeqCst)
    }
}

pub(crate) fn measure(probe: &Probe) {
    let steps = Arc::new(Steps::default());
    let token = CancellationToken::new();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio starts");
    let step = {
        let (steps, token) = (Arc::clone(&steps), token.clone());
        Arc::new(move |index: usize| steps.run(index, &token))
    };
    probe.waiting("your run_chain(40, step, token) to return");
    let returned = runtime.block_on(answer::run_chain(STEPS, step, token));
    let finished_at_return = Steps::count(&steps.finished);
    probe.waiting("the chain to stop after your function returned");
    let started = Instant::now();
    loop {
        let last = steps.last_end.lock().unwrap().unwrap_or(started);
        let still = last.elapsed() >= STEP * 3;
        if still || started.elapsed() >= PATIENCE {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    // A chain nobody awaits would hold a dropped runtime until its end.
    runtime.shutdown_background();
    probe.fact("steps", STEPS);
    probe.fact("step_ms", ms(STEP));
    probe.fact("cancel_in", CANCEL_IN + 1);
    probe.fact("cancelled", steps.cancelled.load(Ordering::SeqCst));
    probe.fact("returned", returned);
    probe.fact("finished_at_return", finished_at_return);
    probe.fact("finished", Steps::count(&steps.finished));
    probe.fact("began_after", Steps::count(&steps.began_after));
    probe.fact("finished_after", Steps::count(&steps.finished_after));
    probe.fact("cpu_after_ms", Steps::count(&steps.cpu_after_us) / 1_000);
}
