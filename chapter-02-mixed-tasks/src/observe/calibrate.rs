//! Picks the CPU step's size from a measurement of this machine.
//!
//! The lesson needs a step long enough that a late tick is obvious: a good
//! part of a second. How long a step takes depends on the machine, so the
//! default is not a guess: the program times one call of the article's size
//! (limit 40 000) and scales the limit to reach the target.
//!
//! The model: the product of `1..n` has about `n log2 n` bits, and each of
//! the `n` multiplications by a one-digit number costs time in proportion to
//! the product so far, so a step takes time in proportion to `n² log n`.
//! (A model of `n²` alone overshoots: the bigger limit's logarithm is larger.)

use std::time::Duration;

use shared::cli::MAX_LIMIT;
use shared::measure::measure;
use shared::workload::{DEFAULT_LIMIT, fingerprint, product_below};

/// How long the default step should take. With the article's 2 s ticks, a
/// tick then waits for most of a step: with steps of `S`, every tick after
/// the first runs `ceil(2 s / S) * S - 2 s` late on one loop.
pub const TARGET: Duration = Duration::from_millis(1_500);

/// What the calibration measured and what it chose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// The limit that was timed.
    pub probe_limit: u32,
    /// How long one call at `probe_limit` took (the faster of two).
    pub probe_took: Duration,
    /// The limit chosen for the steps.
    pub limit: u32,
}

// ANCHOR: calibrate
/// Times the article's call twice and picks the limit whose step should
/// take about `target`.
pub fn calibrate(target: Duration) -> Calibration {
    let probe_limit = DEFAULT_LIMIT;
    // The faster of two calls: the first may pay for a cold cache.
    let probe_took = (0..2)
        .map(|_| measure(|| fingerprint(&product_below(probe_limit))).1.wall)
        .min()
        .unwrap_or_default();
    Calibration {
        probe_limit,
        probe_took,
        limit: scaled_limit(probe_limit, probe_took, target),
    }
}

/// The limit `n` expected to take `target`, if `probe_limit` took
/// `probe_took` and time grows as `n² ln n`; rounded to a thousand.
pub fn scaled_limit(probe_limit: u32, probe_took: Duration, target: Duration) -> u32 {
    let ratio = target.as_secs_f64() / probe_took.as_secs_f64().max(1e-6);
    let probe = f64::from(probe_limit);
    let cost = |n: f64| n * n * n.ln();
    // Bisection on the model: cost(n) = ratio * cost(probe).
    let (mut low, mut high) = (probe, MAX_LIMIT as f64);
    for _ in 0..60 {
        let middle = (low + high) / 2.0;
        if cost(middle) < ratio * cost(probe) { low = middle } else { high = middle }
    }
    ((low / 1_000.0).round() * 1_000.0) as u32
}
// ANCHOR_END: calibrate

#[cfg(test)]
mod tests {
    use super::*;

    /// A target of four times the probe's time needs a little less than
    /// twice the limit (the logarithm grows too); the result is rounded.
    #[test]
    fn limit_grows_a_little_slower_than_the_square_root_of_the_time() {
        let ms = Duration::from_millis;
        let limit = scaled_limit(40_000, ms(250), ms(1_000));
        assert!((75_000..80_000).contains(&limit), "{limit}");
        assert_eq!(limit % 1_000, 0);
        assert_eq!(scaled_limit(40_000, ms(1_000), ms(1_000)), 40_000);
    }

    /// A very slow or very fast machine still gets a limit in range.
    #[test]
    fn limit_stays_in_range() {
        assert_eq!(scaled_limit(40_000, Duration::from_secs(10), TARGET), 40_000);
        assert_eq!(u64::from(scaled_limit(40_000, Duration::ZERO, TARGET)), MAX_LIMIT);
    }
}
