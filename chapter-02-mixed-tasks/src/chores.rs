//! The job that waits a random time and prints: the article's `faz_algo`.
//!
//! The waits are random but seeded (`--seed`), so a run can be repeated. Each
//! wait is up to half the ticker's interval (the article: up to 1 s against
//! 2 s), and each records how much longer than asked it really took: on a
//! blocked loop, the random waits are late too.

use std::time::{Duration, Instant};

use futures::future::{Either, select};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use shared::shutdown::Shutdown;

use crate::events::{Event, Events};
use crate::runtimes::Loop;

// ANCHOR: chores
/// Waits a random time, prints, and again, until `done`. Returns how much
/// each wait overshot the time it asked for.
pub async fn run<L: Loop>(
    runtime: L,
    seed: u64,
    interval: Duration,
    events: Events,
    done: &Shutdown,
) -> Vec<Duration> {
    let mut random = StdRng::seed_from_u64(seed);
    let mut overshoots = Vec::new();
    for number in 1.. {
        let wait = interval.mul_f64(random.random_range(0.0..0.5));
        let _ = events.send(Event::Wait { number, wait });
        let asked_at = Instant::now();
        let sleep = std::pin::pin!(runtime.sleep(wait));
        let stop = std::pin::pin!(done.requested());
        if let Either::Right(_) = select(sleep, stop).await {
            break;
        }
        overshoots.push(asked_at.elapsed().saturating_sub(wait));
    }
    overshoots
}
// ANCHOR_END: chores
