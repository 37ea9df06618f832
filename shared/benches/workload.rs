//! How long one call of the workload takes, at the article's size and smaller.
//!
//! Run with `cargo bench -p shared`. divan reports the median and the spread
//! over many samples; the course quotes the median of the release build.

use shared::workload::{DEFAULT_LIMIT, product_below};

fn main() {
    divan::main();
}

/// One call, as each of the article's 20 calls does it.
#[divan::bench(args = [5_000, 10_000, 20_000, DEFAULT_LIMIT], sample_count = 10, sample_size = 1)]
fn one_call(limit: u32) -> u64 {
    shared::workload::fingerprint(&product_below(divan::black_box(limit)))
}
