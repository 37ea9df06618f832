//! The loop against the product tree, on one core and on all of them, and
//! where the parallel tree should stop splitting.
//!
//! Run with `cargo bench -p shared --bench product_tree`. The course quotes
//! divan's median of the release build. `cutoff` times the parallel tree at
//! the article's size for several cutoffs: `PARALLEL_CUTOFF` is picked from it.

use shared::product_tree::{parallel_product_tree, parallel_range, product_tree};
use shared::workload::{DEFAULT_LIMIT, fingerprint, product_below};

fn main() {
    divan::main();
}

const LIMITS: [u32; 4] = [5_000, 10_000, 20_000, DEFAULT_LIMIT];

/// The article's loop: one small factor at a time.
#[divan::bench(args = LIMITS, sample_count = 10, sample_size = 1)]
fn loop_one_core(limit: u32) -> u64 {
    fingerprint(&product_below(divan::black_box(limit)))
}

/// The balanced tree on one thread.
#[divan::bench(args = LIMITS, sample_count = 20, sample_size = 1)]
fn tree_one_core(limit: u32) -> u64 {
    fingerprint(&product_tree(divan::black_box(limit)))
}

/// The tree with its halves on rayon's global pool (all cores).
#[divan::bench(args = LIMITS, sample_count = 20, sample_size = 1)]
fn parallel_tree(limit: u32) -> u64 {
    fingerprint(&parallel_product_tree(divan::black_box(limit)))
}

/// The parallel tree at the article's size, stopping the split at `cutoff`
/// factors (40 000 never splits: that is the sequential tree).
#[divan::bench(
    args = [16, 64, 256, 1_024, 4_096, 8_192, 16_384, 40_000],
    sample_count = 20,
    sample_size = 1
)]
fn cutoff(cutoff: u32) -> u64 {
    fingerprint(&parallel_range(1, DEFAULT_LIMIT, divan::black_box(cutoff)))
}
