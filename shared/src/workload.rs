//! The article's CPU-bound function, in Rust.
//!
//! The Python original multiplies `z *= x` for every `x` in `range(1, 40000)`.
//! Python integers grow without bound, so the loop does 39 998 big-integer
//! multiplications on a number that ends up with about 166 700 digits. Nothing
//! in it waits for I/O: it only keeps one core busy, which is exactly what the
//! course needs to show what CPU-bound work does to an event loop, to threads
//! and to processes.

use num_bigint::BigUint;

/// The article's `limite`: the loop multiplies every integer in `1..DEFAULT_LIMIT`.
pub const DEFAULT_LIMIT: u32 = 40_000;

// ANCHOR: product_below
/// Multiplies every integer in `1..limit`, one big-integer multiplication at a
/// time, as the article's loop does. `product_below(n)` is `(n - 1)!`.
///
/// A closed formula or a smarter algorithm (binary splitting) would be much
/// faster; the point here is a fixed amount of honest CPU work per call.
pub fn product_below(limit: u32) -> BigUint {
    let mut z = BigUint::from(1u32);
    for x in 1..limit {
        z *= x;
    }
    z
}
// ANCHOR_END: product_below

/// A short fingerprint of a workload result that is cheap to compute and to
/// compare: its size in bits. Printing it proves the work was done (and keeps
/// the optimiser from skipping it) without printing 166 000 digits.
pub fn fingerprint(result: &BigUint) -> u64 {
    result.bits()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 20! is a well-known constant; `product_below(21)` must equal it.
    #[test]
    fn product_below_21_is_20_factorial() {
        assert_eq!(product_below(21).to_string(), "2432902008176640000");
    }

    /// An empty range multiplies nothing and leaves 1, as in Python.
    #[test]
    fn product_below_1_and_2_is_one() {
        assert_eq!(product_below(0), BigUint::from(1u32));
        assert_eq!(product_below(1), BigUint::from(1u32));
        assert_eq!(product_below(2), BigUint::from(1u32));
    }

    /// The number of decimal digits of 39 999!, derived independently of the
    /// loop: floor(sum of log10(k) for k in 1..40 000) + 1.
    #[test]
    fn default_limit_has_the_digit_count_of_39999_factorial() {
        let log10_sum: f64 = (1..DEFAULT_LIMIT).map(|k| f64::from(k).log10()).sum();
        let expected_digits = log10_sum.floor() as usize + 1;
        assert_eq!(expected_digits, 166_709, "the log10 sum itself");

        let result = product_below(DEFAULT_LIMIT);
        assert_eq!(result.to_string().len(), expected_digits);
    }

    /// The fingerprint is the bit length: 20! needs 62 bits.
    #[test]
    fn fingerprint_is_the_bit_length() {
        assert_eq!(fingerprint(&product_below(21)), 62);
    }
}
