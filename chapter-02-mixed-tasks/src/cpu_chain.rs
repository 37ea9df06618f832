//! The chain of CPU-bound steps: the article's `calcula_algo`, which computes
//! and then schedules itself again.
//!
//! Each step is one call of the course's workload,
//! [`shared::workload::product_below`]. Run on the loop, a step holds the
//! loop's thread until it returns: nothing else on that loop can run
//! meanwhile. Run off the loop, the step's thread is another one, and the
//! job only *awaits* the answer, which leaves the loop free.

use std::time::{Duration, Instant};

use num_bigint::BigUint;
use shared::shutdown::Shutdown;
use shared::workload::{fingerprint, product_below};

use crate::report::Printer;
use crate::runtimes::{self, Loop, Offload, Placement};

// ANCHOR: cpu_chain
/// Runs CPU steps one after another until `done`; returns how long each took.
/// The step in progress when `done` comes is finished, not abandoned.
pub async fn run<L: Loop>(
    runtime: L,
    placement: Placement,
    limit: u32,
    printer: Printer,
    done: &Shutdown,
) -> Result<Vec<Duration>, String> {
    let mut took = Vec::new();
    for number in 1.. {
        if done.is_requested() {
            break;
        }
        printer.step_started(number, limit);
        let started = Instant::now();
        let result: BigUint = match placement {
            // The article's way: the loop's thread does the work itself.
            Placement::OnLoop => product_below(limit),
            Placement::Off(Offload::Pool) => runtime.offload(limit).await?,
            Placement::Off(Offload::Rayon) => {
                runtimes::rayon::product_below(limit).await?
            }
        };
        took.push(started.elapsed());
        printer.step_done(number, started.elapsed(), fingerprint(&result));
        // The next step is scheduled like `call_soon`: the loop gets a turn first.
        runtime.yield_now().await;
    }
    Ok(took)
}
// ANCHOR_END: cpu_chain
