//! The chain of CPU-bound steps: the article's `calcula_algo`, which computes
//! and then schedules itself again.
//!
//! Each step is one call of the course's workload,
//! [`shared::workload::product_below`]. Run on the loop, a step holds the
//! loop's thread until it returns: nothing else on that loop can run
//! meanwhile. Run off the loop, the step's thread is another one, and the
//! job only *awaits* the answer, which leaves the loop free.

use std::future::Future;
use std::pin::pin;

use shared::workload::{fingerprint, product_below};

use crate::event_loop::Loop;
use crate::place::Place;
use crate::places::rayon_pool;

/// What the chain says about a step, the moment it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Step `number`, the product of `1..limit`, begins.
    Started { number: u64, limit: u32 },
    /// Step `number` is done; its product has `bits` bits.
    Done { number: u64, bits: u64 },
}

// ANCHOR: cpu_chain
/// Runs CPU steps of `limit` at `place`, one after another, until `stop`
/// completes (the step in progress then is finished, not abandoned), and
/// tells `on_step` as each begins and ends. Returns how many steps finished.
pub async fn run(
    runtime: impl Loop,
    place: Place,
    limit: u32,
    stop: impl Future<Output = ()>,
    mut on_step: impl FnMut(Step),
) -> Result<u64, String> {
    let mut stop = pin!(stop);
    let mut number = 0;
    while futures::poll!(stop.as_mut()).is_pending() {
        number += 1;
        on_step(Step::Started { number, limit });
        let product = match place {
            // The article's way: the loop's thread does the work itself.
            Place::Loop => product_below(limit),
            Place::BlockingPool => runtime.offload(limit).await?,
            Place::Rayon => {
                let pool = rayon_pool::shared_pool().map_err(|err| err.to_string())?;
                let step = rayon_pool::run(pool, move || product_below(limit)).await;
                step.map_err(|err| err.to_string())?
            }
            other => return Err(format!("the chain's steps do not go to {other}")),
        };
        on_step(Step::Done { number, bits: fingerprint(&product) });
        // The article queues the next step with `call_soon`; here the chain
        // ends its turn, and the runtime decides what runs before it goes on.
        runtime.yield_now().await;
    }
    Ok(number)
}
// ANCHOR_END: cpu_chain
