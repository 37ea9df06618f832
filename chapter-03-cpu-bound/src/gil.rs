//! A small model of CPython's global interpreter lock (GIL).
//!
//! CPython lets a thread run Python code only while it holds one lock, the
//! GIL. A thread that wants the lock waits for it, but not forever: after the
//! *switch interval* (5 ms by default, `sys.getswitchinterval()`) with no
//! hand-over, it sets a *drop request*. The holder checks that request at
//! certain instructions of its eval loop (not during a long call into C),
//! releases the lock, and waits until another thread has taken it, so that
//! it cannot grab it straight back ("forced switching").
//! Blocking I/O is done with the lock released.
//!
//! This module is that mechanism in about a hundred lines: a mutex-protected
//! state, two condition variables and an atomic flag. It is a model, not
//! CPython's code, but it makes the same promise: at most one thread holds the
//! lock at any instant, and a thread that wants it gets it within about one
//! switch interval.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// CPython's default switch interval.
pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(5);

// ANCHOR: gil
/// The lock and everything its threads need to hand it over.
#[derive(Debug)]
pub struct Gil {
    state: Mutex<State>,
    /// Signalled when the lock is released: a waiter may take it.
    released: Condvar,
    /// Signalled when a thread takes the lock: a thread that dropped it on
    /// request may now queue up again.
    taken: Condvar,
    /// Set by a waiter that waited a whole switch interval; read by the holder
    /// after every multiplication (CPython's `gil_drop_request`).
    drop_request: AtomicBool,
    switch_interval: Duration,
    /// How many times a holder gave the lock away because it was asked to.
    forced_switches: AtomicU64,
}

#[derive(Debug, Default)]
struct State {
    /// Whether some thread holds the lock.
    held: bool,
    /// Threads waiting in `acquire`.
    waiting: usize,
    /// Incremented every time the lock is taken: lets a waiter see whether it
    /// changed hands while it slept.
    turns: u64,
}
// ANCHOR_END: gil

/// Proof of holding the [`Gil`]; dropping it releases the lock.
#[derive(Debug)]
pub struct Held<'a> {
    gil: &'a Gil,
}

impl Gil {
    /// A free lock with the given switch interval.
    pub fn new(switch_interval: Duration) -> Self {
        Gil {
            state: Mutex::default(),
            released: Condvar::new(),
            taken: Condvar::new(),
            drop_request: AtomicBool::new(false),
            switch_interval,
            forced_switches: AtomicU64::new(0),
        }
    }

    /// Waits for the lock and takes it.
    pub fn acquire(&self) -> Held<'_> {
        self.take();
        Held { gil: self }
    }

    /// How many times a holder gave the lock away on request.
    pub fn forced_switches(&self) -> u64 {
        self.forced_switches.load(Ordering::Relaxed)
    }

    /// The switch interval this lock was made with.
    pub fn switch_interval(&self) -> Duration {
        self.switch_interval
    }

    fn lock_state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    // ANCHOR: take
    fn take(&self) {
        let mut state = self.lock_state();
        if state.held {
            state.waiting += 1;
            while state.held {
                let turns_before = state.turns;
                let (next, timeout) = self
                    .released
                    .wait_timeout(state, self.switch_interval)
                    .unwrap_or_else(|poison| poison.into_inner());
                state = next;
                // A whole interval passed and the lock did not change hands:
                // ask the holder to let go at its next check.
                if timeout.timed_out() && state.held && state.turns == turns_before {
                    self.drop_request.store(true, Ordering::SeqCst);
                }
            }
            state.waiting -= 1;
        }
        state.held = true;
        state.turns += 1;
        self.drop_request.store(false, Ordering::SeqCst);
        self.taken.notify_all();
    }
    // ANCHOR_END: take

    fn release(&self) {
        let mut state = self.lock_state();
        state.held = false;
        self.released.notify_one();
    }
}

impl Held<'_> {
    /// Whether another thread asked for the lock: a single atomic load, cheap
    /// enough to call after every multiplication.
    pub fn drop_requested(&self) -> bool {
        self.gil.drop_request.load(Ordering::Relaxed)
    }

    // ANCHOR: hand_over
    /// Gives the lock to a waiting thread and waits to get it back. The caller
    /// checks [`Held::drop_requested`] first, as CPython's eval loop does.
    pub fn hand_over(&mut self) {
        let gil = self.gil;
        let mut state = gil.lock_state();
        state.held = false;
        let turns_before = state.turns;
        gil.released.notify_one();
        // Forced switching: do not queue up again until someone else has
        // taken the lock, or this thread could win it straight back.
        while state.turns == turns_before && state.waiting > 0 {
            state = gil.taken.wait(state).unwrap_or_else(|poison| poison.into_inner());
        }
        drop(state);
        gil.forced_switches.fetch_add(1, Ordering::Relaxed);
        gil.take();
    }
    // ANCHOR_END: hand_over

    /// Runs `blocking` with the lock released, as CPython does around a
    /// blocking system call (a read, a sleep), then takes the lock back.
    pub fn released_while<T>(&mut self, blocking: impl FnOnce() -> T) -> T {
        self.gil.release();
        let value = blocking();
        self.gil.take();
        value
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.gil.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Instant;

    /// Threads that compute only while holding the lock, and check the drop
    /// request between steps: at no instant do two of them hold it, counted
    /// by a counter of their own (not the lock's bookkeeping).
    #[test]
    fn never_two_holders_at_once() {
        let gil = Gil::new(Duration::from_millis(1));
        let holders = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..6 {
                scope.spawn(|| {
                    let mut held = gil.acquire();
                    let now_holding = || {
                        let n = holders.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(n, Ordering::SeqCst);
                    };
                    now_holding();
                    let started = Instant::now();
                    while started.elapsed() < Duration::from_millis(40) {
                        std::hint::spin_loop();
                        if held.drop_requested() {
                            holders.fetch_sub(1, Ordering::SeqCst);
                            held.hand_over();
                            now_holding();
                        }
                    }
                    holders.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        assert_eq!(most.load(Ordering::SeqCst), 1, "two threads held the GIL at once");
        assert!(gil.forced_switches() > 0, "the lock was never handed over");
    }

    /// A thread that never finishes on its own still has to share: every
    /// other thread gets the lock and completes its steps, each with several
    /// turns (so the lock went round, not to one thread after another).
    #[test]
    fn every_thread_makes_progress() {
        let gil = Gil::new(Duration::from_millis(1));
        let others_done = AtomicUsize::new(0);
        let hog_steps = AtomicU64::new(0);
        const OTHERS: usize = 4;
        let turns_per_thread: Vec<u64> = std::thread::scope(|scope| {
            // The hog spins until every other thread is done.
            scope.spawn(|| {
                let mut held = gil.acquire();
                while others_done.load(Ordering::SeqCst) < OTHERS {
                    hog_steps.fetch_add(1, Ordering::Relaxed);
                    if held.drop_requested() {
                        held.hand_over();
                    }
                }
            });
            let workers: Vec<_> = (0..OTHERS)
                .map(|_| {
                    scope.spawn(|| {
                        let mut turns = 1;
                        let mut held = gil.acquire();
                        let mut worked = Duration::ZERO;
                        let mut turn_start = Instant::now();
                        // 50 ms of work while holding the lock, spread over turns: long
                        // enough for a waiter to ask, even on a loaded machine.
                        while worked + turn_start.elapsed() < Duration::from_millis(50) {
                            if held.drop_requested() {
                                worked += turn_start.elapsed();
                                held.hand_over();
                                turns += 1;
                                turn_start = Instant::now();
                            }
                        }
                        drop(held);
                        others_done.fetch_add(1, Ordering::SeqCst);
                        turns
                    })
                })
                .collect();
            workers.into_iter().map(|worker| worker.join().unwrap()).collect()
        });
        assert_eq!(turns_per_thread.len(), OTHERS);
        assert!(
            turns_per_thread.iter().all(|&turns| turns >= 2),
            "each worker was interrupted: {turns_per_thread:?}"
        );
        assert!(hog_steps.load(Ordering::Relaxed) > 0);
    }

    /// Releasing the lock around a blocking wait lets the waits overlap: the
    /// timestamps show several threads waiting at the same instant.
    #[test]
    fn blocking_waits_run_without_the_lock() {
        let gil = Gil::new(DEFAULT_SWITCH_INTERVAL);
        let timeline = crate::observe::timeline::Timeline::new();
        std::thread::scope(|scope| {
            for call in 1..=4 {
                let (gil, timeline) = (&gil, &timeline);
                scope.spawn(move || {
                    let mut held = gil.acquire();
                    held.released_while(|| {
                        let start = Instant::now();
                        std::thread::sleep(Duration::from_millis(50));
                        timeline.record(call, start, Instant::now());
                    });
                });
            }
        });
        assert!(timeline.most_at_once() >= 2, "the waits never overlapped");
    }

    /// With a single thread nobody asks, so the lock is never handed over.
    #[test]
    fn a_lone_thread_is_never_interrupted() {
        let gil = Gil::new(Duration::from_millis(1));
        let held = gil.acquire();
        std::thread::sleep(Duration::from_millis(10));
        assert!(!held.drop_requested());
        drop(held);
        assert_eq!(gil.forced_switches(), 0);
    }
}
