//! The chain of CPU-bound steps: the article's `calcula_algo`, which computes
//! and then schedules itself again.
//!
//! Each step is one call of the course's workload,
//! [`shared::workload::product_below`]. Run on the loop, a step holds the
//! loop's thread until it returns: nothing else on that loop can run
//! meanwhile. Run off the loop, the step's thread is another one, and the
//! job only *awaits* the answer, which leaves the loop free.

use std::time::Instant;

use num_bigint::BigUint;
use shared::shutdown::Shutdown;
use shared::workload::{fingerprint, product_below};

use crate::events::{Event, Events, Step};
use crate::runtimes::{self, Loop, Offload, Placement};

// ANCHOR: cpu_chain
/// Runs CPU steps one after another until `done`; returns when each began
/// (from `origin`) and how long it took. The step in progress when `done`
/// comes is finished, not abandoned.
pub async fn run<L: Loop>(
    runtime: L,
    placement: Placement,
    limit: u32,
    (events, origin): (Events, Instant),
    done: &Shutdown,
) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    for number in 1.. {
        if done.is_requested() {
            break;
        }
        let _ = events.send(Event::StepStarted { number, limit });
        let started = Instant::now();
        let result: BigUint = match placement {
            // The article's way: the loop's thread does the work itself.
            Placement::OnLoop => product_below(limit),
            Placement::Off(Offload::Pool) => runtime.offload(limit).await?,
            Placement::Off(Offload::Rayon) => {
                runtimes::rayon::product_below(limit).await?
            }
        };
        let took = started.elapsed();
        steps.push(Step { start: started - origin, took });
        let _ = events.send(Event::StepDone { number, took, bits: fingerprint(&result) });
        // The article queues the next step with `call_soon`; here the chain
        // ends its turn, and the runtime decides what runs before it goes on.
        runtime.yield_now().await;
    }
    Ok(steps)
}
// ANCHOR_END: cpu_chain
