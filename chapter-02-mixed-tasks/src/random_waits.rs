//! The job that waits a random time and prints: the article's `faz_algo`.
//!
//! The waits are random but seeded (`--seed`), so a run can be repeated. Each
//! wait is up to half the ticker's interval (the article: up to 1 s against
//! 2 s). On a blocked loop the random waits are late too: the measuring side
//! sees it from when each wait began.

use std::pin::pin;
use std::time::{Duration, Instant};

use futures::future::{Either, select};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use shared::shutdown::Shutdown;

use crate::event_loop::Loop;
use crate::events::{Event, Events};

// ANCHOR: random_waits
/// Waits a random time up to half of `interval`, says so, and again, until
/// `ticker_done`.
pub async fn run(
    runtime: impl Loop,
    seed: u64,
    interval: Duration,
    events: Events,
    ticker_done: &Shutdown,
) {
    let mut random = StdRng::seed_from_u64(seed);
    for number in 1.. {
        let wait = interval.mul_f64(random.random_range(0.0..0.5));
        let _ = events.send(Event::Wait { number, wait, at: Instant::now() });
        let sleep = pin!(runtime.sleep(wait));
        if let Either::Right(_) = select(sleep, pin!(ticker_done.requested())).await {
            break;
        }
    }
}
// ANCHOR_END: random_waits
