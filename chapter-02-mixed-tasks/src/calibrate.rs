//! Picks the CPU step's size from a measurement of this machine.
//!
//! The lesson needs a step long enough that a late tick is obvious: a good
//! part of a second. How long a step takes depends on the machine, so the
//! default is not a guess: the program times one call of the article's size
//! (limit 40 000) and scales the limit to reach the target. The time grows
//! about with the square of the limit (each of the n multiplications works on
//! a number whose size grows with n), so the limit scales with the square
//! root of the time ratio.

use std::time::Duration;

use shared::measure::measure;
use shared::workload::{DEFAULT_LIMIT, fingerprint, product_below};

/// How long the default step should block: about one and a half seconds.
/// With the article's 2 s ticks, a tick then waits for most of a step: steps
/// of `S` make every tick late by `ceil(2 s / S) * S - 2 s`, here about 1 s.
pub const TARGET: Duration = Duration::from_millis(1_500);

/// The largest limit the program accepts or picks.
pub const MAX_LIMIT: u32 = 1_000_000;

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

/// The limit expected to take `target`, if `probe_limit` took `probe_took`
/// and time grows with the square of the limit; rounded to a thousand.
pub fn scaled_limit(probe_limit: u32, probe_took: Duration, target: Duration) -> u32 {
    let ratio = target.as_secs_f64() / probe_took.as_secs_f64().max(1e-6);
    let limit = f64::from(probe_limit) * ratio.sqrt();
    let rounded = (limit / 1_000.0).round() * 1_000.0;
    rounded.clamp(f64::from(probe_limit), f64::from(MAX_LIMIT)) as u32
}
// ANCHOR_END: calibrate

#[cfg(test)]
mod tests {
    use super::*;

    /// Four times the time needs twice the limit; the result is rounded.
    #[test]
    fn limit_grows_with_the_square_root_of_the_time() {
        let ms = Duration::from_millis;
        assert_eq!(scaled_limit(40_000, ms(250), ms(1_000)), 80_000);
        assert_eq!(scaled_limit(40_000, ms(94), ms(1_000)), 130_000);
        assert_eq!(scaled_limit(40_000, ms(1_000), ms(1_000)), 40_000);
    }

    /// A very slow or very fast machine still gets a limit in range.
    #[test]
    fn limit_stays_in_range() {
        assert_eq!(scaled_limit(40_000, Duration::from_secs(10), TARGET), 40_000);
        assert_eq!(scaled_limit(40_000, Duration::ZERO, TARGET), MAX_LIMIT);
    }
}
