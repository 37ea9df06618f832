//! What a pool of N workers can achieve at best, from two facts: the number
//! of calls and the number of cores.
//!
//! Two limits bound the time of `calls` equal calls on N workers and C cores:
//! the busiest worker does `ceil(calls / N)` calls one after the other (the
//! *rounds*: 20 calls on 8 workers is 3 rounds, not 2.5), and all the work
//! together needs `calls / C` call-times of the whole machine. The ideal time
//! is the larger of the two.

use std::time::Duration;

// ANCHOR: rounds
/// Calls the busiest of `workers` workers must do, one after another.
pub fn rounds(calls: usize, workers: usize) -> usize {
    calls.div_ceil(workers)
}

/// The best possible time for `calls` calls of `per_call` each, on `workers`
/// workers and `cores` cores.
pub fn ideal_time(
    per_call: Duration,
    calls: usize,
    workers: usize,
    cores: usize,
) -> Duration {
    let by_rounds = rounds(calls, workers) as f64;
    let by_cores = calls as f64 / cores.min(workers) as f64;
    per_call.mul_f64(by_rounds.max(by_cores))
}

/// The best possible speedup over one worker, with as many cores as needed.
pub fn best_speedup(calls: usize, workers: usize) -> f64 {
    calls as f64 / rounds(calls, workers) as f64
}

/// Speedup divided by the cores the workers can use: 1.0 is perfect.
pub fn efficiency(speedup: f64, workers: usize, cores: usize) -> f64 {
    speedup / workers.min(cores) as f64
}
// ANCHOR_END: rounds

#[cfg(test)]
mod tests {
    use super::*;

    /// 20 calls: 20 rounds on 1 worker, 10 on 2, 5 on 4, 3 on 8, 1 on 20.
    #[test]
    fn rounds_round_up() {
        let rounds: Vec<usize> =
            [1, 2, 4, 8, 20].iter().map(|&n| rounds(20, n)).collect();
        assert_eq!(rounds, [20, 10, 5, 3, 1]);
    }

    /// On 2 cores, more than 2 workers cannot beat 10 call-times; on 8 cores,
    /// 8 workers need 3 rounds.
    #[test]
    fn ideal_time_is_bounded_by_cores_and_rounds() {
        let t = Duration::from_millis(100);
        assert_eq!(ideal_time(t, 20, 1, 2), Duration::from_secs(2));
        assert_eq!(ideal_time(t, 20, 2, 2), Duration::from_secs(1));
        assert_eq!(ideal_time(t, 20, 20, 2), Duration::from_secs(1));
        assert_eq!(ideal_time(t, 20, 8, 8), Duration::from_millis(300));
        assert_eq!(ideal_time(t, 20, 20, 8), Duration::from_millis(250));
    }

    /// 8 workers give at most 6.67x on 20 calls, not 8x.
    #[test]
    fn best_speedup_counts_rounds() {
        assert!((best_speedup(20, 8) - 20.0 / 3.0).abs() < 1e-9);
        assert_eq!(best_speedup(20, 20), 20.0);
        assert_eq!(efficiency(1.8, 2, 2), 0.9);
        assert_eq!(efficiency(1.8, 20, 2), 0.9);
    }
}
