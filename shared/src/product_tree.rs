//! The same product as [`crate::workload::product_below`], by a better
//! algorithm: a balanced product tree, on one core and on all of them.
//!
//! # Why the tree wins
//!
//! The article's loop multiplies a growing big number by one small number,
//! 39 998 times. `z *= x` with a small `x` is one pass over every digit of
//! `z` (multiply, carry), and `z` grows to 553 795 bits (8 653 digits of 64
//! bits), so the passes add up to work proportional to the square of the
//! result's size: about n² log n for the product of 1..n.
//!
//! A tree multiplies in pairs: the product of the lower half of the range
//! times the product of the upper half, each computed the same way. The two
//! operands of every multiplication are about the same size, and that is what
//! fast multiplication needs. num-bigint 0.5.1 (`biguint/multiplication.rs`,
//! function `mac3`; a digit is a `u64` on 64-bit targets) picks by the length
//! of the shorter operand `x` against the longer `y`:
//!
//! - `x` up to 32 digits (2 048 bits): schoolbook long multiplication;
//! - `y` at least twice as long as `x`: it splits `y` in halves
//!   ("half-Karatsuba") and multiplies each half by `x`;
//! - `x` up to 256 digits (16 384 bits): Karatsuba, three half-size products
//!   instead of four;
//! - above that: Toom-3, five third-size products instead of nine.
//!
//! At the article's size the last multiplication of the tree has operands of
//! about 4 000 and 4 600 digits: Toom-3, far above its threshold. The top
//! levels of the tree do the heavy part, and they do it sub-quadratically
//! (Toom-3 costs about n^1.465, Karatsuba n^1.585, against n² by schoolbook).
//!
//! # Why two cores give less than 2×
//!
//! [`parallel_product_tree`] computes the two halves of each split at the same
//! time with `rayon::join`. The many small products low in the tree spread
//! well over the cores, but the last multiplication (the two halves of the
//! whole result) is one multiplication, on one core, while the other core
//! waits. With Toom-3's exponent, each level of the tree costs about
//! 2^-0.465 ≈ 0.72 times the level above it, so the top multiplication alone
//! is about 28 % of all the work: on 2 cores the best is about
//! 1 / (0.28 + 0.72 / 2) ≈ 1.56×, Amdahl's law with the top of the tree as the
//! serial part.

use num_bigint::BigUint;

// ANCHOR: product_range
/// The product of every integer in `low..high` (1 for an empty range),
/// multiplied as a balanced tree: split the range in halves, multiply each
/// half the same way, then multiply the two halves.
fn product_range(low: u32, high: u32) -> BigUint {
    if high <= low + LEAF {
        // A few small factors: the loop is the fastest way, and its number
        // stays small enough that walking it costs nothing.
        let mut z = BigUint::from(1u32);
        for x in low..high {
            z *= x;
        }
        return z;
    }
    let middle = low + (high - low) / 2;
    product_range(low, middle) * product_range(middle, high)
}
// ANCHOR_END: product_range

/// Ranges of at most this many factors are multiplied by a plain loop: their
/// product fits in a few machine words, so a deeper tree would only allocate.
const LEAF: u32 = 16;

// ANCHOR: product_tree
/// The same product as `product_below(limit)` (every integer in `1..limit`),
/// by a balanced tree on the calling thread.
pub fn product_tree(limit: u32) -> BigUint {
    product_range(1, limit.max(1))
}
// ANCHOR_END: product_tree

// ANCHOR: parallel_cutoff
/// Below this many factors, [`parallel_product_tree`] stops splitting work
/// between threads and multiplies the range on one thread.
///
/// Why a cutoff: a `rayon::join` costs a few microseconds (queueing a job,
/// maybe waking a thread), while the product of a few dozen small factors
/// takes less than that; splitting those only adds overhead. Above the
/// cutoff, there must still be enough pieces for every core to take one.
///
/// Measured with `cargo bench -p shared --bench product_tree -- cutoff`
/// (release build, 2 cores, limit 40 000, 20 samples each, on a machine
/// shared with other builds, so the spread is wide). Median per call:
/// 36.0 ms at 16 factors, 39.3 at 64, 37.0 at 256, 31.8 at 1 024, 31.7 at
/// 4 096, 44.7 at 8 192, 35.5 at 16 384, and 43.2 ms at 40 000 (no split:
/// the sequential tree). 1 024 and 4 096 were the best; 1 024 is kept
/// because it leaves pieces to share on machines with more cores.
pub const PARALLEL_CUTOFF: u32 = 1_024;
// ANCHOR_END: parallel_cutoff

// ANCHOR: parallel_product_tree
/// The same product again, with the two halves of every large split computed
/// at the same time on rayon's pool (the global pool, or the one installed).
pub fn parallel_product_tree(limit: u32) -> BigUint {
    parallel_range(1, limit.max(1), PARALLEL_CUTOFF)
}

/// The product of `low..high`, splitting across threads down to `cutoff`
/// factors.
pub fn parallel_range(low: u32, high: u32, cutoff: u32) -> BigUint {
    if high.saturating_sub(low) <= cutoff.max(LEAF) {
        return product_range(low, high);
    }
    let middle = low + (high - low) / 2;
    let (lower, upper) = rayon::join(
        || parallel_range(low, middle, cutoff),
        || parallel_range(middle, high, cutoff),
    );
    lower * upper
}
// ANCHOR_END: parallel_product_tree

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workload::{DEFAULT_LIMIT, fingerprint, product_below};

    /// For small limits, including the empty ranges, both trees give exactly
    /// the loop's product.
    #[test]
    fn small_limits_equal_the_loop() {
        for limit in [0, 1, 2, 3, 10, 17, 18, 100, 1_000, 5_000] {
            let expected = product_below(limit);
            assert_eq!(product_tree(limit), expected, "tree, limit {limit}");
            assert_eq!(
                parallel_product_tree(limit),
                expected,
                "parallel tree, limit {limit}"
            );
        }
    }

    /// Every cutoff, from splitting down to the leaves to never splitting,
    /// gives the same product: the cutoff changes the speed, not the result.
    #[test]
    fn every_cutoff_gives_the_same_product() {
        let expected = product_below(3_000);
        for cutoff in [0, 1, 16, 17, 100, 2_999, 3_000, 10_000] {
            assert_eq!(parallel_range(1, 3_000, cutoff), expected, "cutoff {cutoff}");
        }
    }

    /// At the article's size, both trees give exactly the loop's product:
    /// the same fingerprint and the same number.
    #[test]
    fn article_limit_equals_the_loop() {
        let expected = product_below(DEFAULT_LIMIT);
        let tree = product_tree(DEFAULT_LIMIT);
        let parallel = parallel_product_tree(DEFAULT_LIMIT);
        assert_eq!(fingerprint(&tree), fingerprint(&expected));
        assert_eq!(fingerprint(&parallel), fingerprint(&expected));
        assert!(tree == expected, "tree differs from the loop");
        assert!(parallel == expected, "parallel tree differs from the loop");
    }

    /// 39 999! has 166 709 decimal digits (derived independently from a sum
    /// of logarithms in `workload`'s tests), and so does the tree's product.
    #[test]
    fn article_limit_has_the_known_digit_count() {
        let log10_sum: f64 = (1..DEFAULT_LIMIT).map(|k| f64::from(k).log10()).sum();
        assert_eq!(log10_sum.floor() as usize + 1, 166_709);
        assert_eq!(product_tree(DEFAULT_LIMIT).to_string().len(), 166_709);
        assert_eq!(parallel_product_tree(DEFAULT_LIMIT).to_string().len(), 166_709);
    }
}
