//! The chain of CPU-bound steps: the article's `calcula_algo`, which computes
//! and then schedules itself again.
//!
//! Each step is one call of the course's workload,
//! [`shared::workload::product_below`]. Run on the loop, a step holds the
//! loop's thread until it returns: nothing else on that loop can run
//! meanwhile. Run off the loop, the step's thread is another one, and the
//! job only *awaits* the answer, which leaves the loop free.

use std::time::Instant;

use shared::shutdown::Shutdown;
use shared::workload::{fingerprint, product_below};

use crate::event_loop::Loop;
use crate::events::{Event, Events};
use crate::place::{self, Place};

// ANCHOR: cpu_chain
/// Runs CPU steps of `limit` at `place`, one after another, until
/// `ticker_done`. The step in progress then is finished, not abandoned.
pub async fn run(
    runtime: impl Loop,
    place: Place,
    limit: u32,
    events: Events,
    ticker_done: &Shutdown,
) -> Result<(), String> {
    for number in 1.. {
        if ticker_done.is_requested() {
            break;
        }
        let _ = events.send(Event::StepStarted { number, limit, at: Instant::now() });
        let product = match place {
            // The article's way: the loop's thread does the work itself.
            Place::OnLoop => product_below(limit),
            Place::Pool => runtime.offload(limit).await?,
            Place::Rayon => place::on_rayon(limit).await?,
        };
        let (at, bits) = (Instant::now(), fingerprint(&product));
        let _ = events.send(Event::StepDone { number, at, bits });
        // The article queues the next step with `call_soon`; here the chain
        // ends its turn, and the runtime decides what runs before it goes on.
        runtime.yield_now().await;
    }
    Ok(())
}
// ANCHOR_END: cpu_chain
