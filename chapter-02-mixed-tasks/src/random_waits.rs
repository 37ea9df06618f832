//! The job that waits a random time and prints: the article's `faz_algo`.
//!
//! The waits are random but seeded (`--seed`), so a run can be repeated. Each
//! wait is up to half the ticker's interval (the article: up to 1 s against
//! 2 s). On a blocked loop the random waits are late too: whoever watches
//! the job sees it from when each wait began.

use std::future::Future;
use std::pin::pin;
use std::time::Duration;

use futures::future::{Either, select};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::event_loop::Loop;

// ANCHOR: random_waits
/// Waits a random time up to half of `interval`, says so (`on_wait` with
/// the wait's number and length, as it begins), and again, until `stop`
/// completes. Returns how many waits began.
pub async fn run(
    runtime: impl Loop,
    seed: u64,
    interval: Duration,
    stop: impl Future<Output = ()>,
    mut on_wait: impl FnMut(u64, Duration),
) -> u64 {
    let mut stop = pin!(stop);
    let mut random = StdRng::seed_from_u64(seed);
    let mut number = 0;
    loop {
        number += 1;
        let wait = interval.mul_f64(random.random_range(0.0..0.5));
        on_wait(number, wait);
        if let Either::Right(_) = select(pin!(runtime.sleep(wait)), stop.as_mut()).await {
            return number;
        }
    }
}
// ANCHOR_END: random_waits
