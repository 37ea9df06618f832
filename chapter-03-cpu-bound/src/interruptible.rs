//! The article's workload, with a place to stop between multiplications.
//!
//! [`shared::workload::product_below`] is one uninterrupted loop. Two things
//! in this chapter need to get a word in while it runs: Ctrl-C, and the GIL
//! model, whose threads must hand the lock over every few milliseconds. So this
//! is the same loop with a check after every multiplication, the part that
//! CPython's evaluation loop plays at certain instructions (its "eval
//! breaker": a backward jump, a function's entry). The check is one closure
//! call; a multiplication takes microseconds, so it costs
//! nothing measurable.

use num_bigint::BigUint;

/// What the check between two multiplications decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on multiplying.
    Continue,
    /// Stop now (Ctrl-C): the product is abandoned.
    Stop,
}

// ANCHOR: product_below
/// Multiplies every integer in `1..limit` like [`shared::workload::product_below`],
/// calling `between` after each multiplication. Returns `None` if `between`
/// asked to stop.
pub fn product_below(limit: u32, mut between: impl FnMut() -> Flow) -> Option<BigUint> {
    let mut z = BigUint::from(1u32);
    for x in 1..limit {
        z *= x;
        if between() == Flow::Stop {
            return None;
        }
    }
    Some(z)
}
// ANCHOR_END: product_below

#[cfg(test)]
mod tests {
    use super::*;

    /// With a check that never stops, the result is the shared workload's.
    #[test]
    fn same_result_as_the_shared_workload() {
        let checked = product_below(3_000, || Flow::Continue).unwrap();
        assert_eq!(checked, shared::workload::product_below(3_000));
    }

    /// The check runs once per multiplication, and `Stop` ends the loop at once.
    #[test]
    fn stop_ends_the_loop_at_the_next_check() {
        let mut checks = 0;
        let result = product_below(1_000, || {
            checks += 1;
            if checks == 10 { Flow::Stop } else { Flow::Continue }
        });
        assert!(result.is_none());
        assert_eq!(checks, 10);

        let mut all = 0;
        product_below(1_000, || {
            all += 1;
            Flow::Continue
        });
        assert_eq!(all, 999, "one check per multiplication in 1..1000");
    }
}
