//! One call of the workload, shared by every place.

use shared::workload;

use super::Watch;
use crate::interruptible;

// ANCHOR: product_bits
/// One call: the product of `1..limit`, the watch consulted after each
/// multiplication. Returns the product's fingerprint (its bit length), or
/// `None` if the watch said stop.
pub fn product_bits(limit: u32, watch: &mut dyn Watch) -> Option<u64> {
    let product = interruptible::product_below(limit, || watch.between())?;
    Some(workload::fingerprint(&product))
}
// ANCHOR_END: product_bits
