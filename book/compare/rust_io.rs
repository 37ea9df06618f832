//! The Rust side of the I/O experiments: chapter 3's slow service (a child
//! process on 127.0.0.1), its clients in each place, and its scale-up.

use std::time::Duration;

use chapter_03_cpu_bound::net::limits;
use chapter_03_cpu_bound::net::service::ServiceProcess;
use chapter_03_cpu_bound::observe::Place;
use chapter_03_cpu_bound::observe::io::{self, IoResults};
use shared::record::Record;
use shared::shutdown::Shutdown;

use crate::experiment::Plan;
use crate::failure::Failure;

/// The places compare runs: one loop (asyncio's counterpart), threads
/// (Python's threads without the GIL), and threads under the GIL model
/// (what CPython's threads do with it).
const MODES: [Place; 3] = [Place::Loop, Place::Threads, Place::Gil];

/// Chapter 3's clients against its slow service, in each of [`MODES`].
pub(crate) fn io_calls(
    plan: &Plan,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, Failure> {
    let service = ServiceProcess::start(plan.wait, 0)
        .map_err(|err| Failure::Error(format!("the Rust slow service: {err}")))?;
    let mut results = IoResults::default();
    for place in MODES {
        if stop.is_requested() {
            return Err(Failure::Stopped);
        }
        let run = io::run_clients(place, service.addr, plan.calls);
        if let Some((client, why)) = run.failed.first() {
            return Err(Failure::Error(format!(
                "{} of {} Rust requests failed ({}); client {client}: {why}",
                run.failed.len(),
                run.measured.asked,
                place.name()
            )));
        }
        results.calls.push(run);
    }
    Ok(io::records(&results))
}

/// Chapter 3's scale-up, in a child of its own ([`crate::child`]): `asked`
/// connections as tasks, then as threads, as many as the open-files limit
/// allows.
pub(crate) fn scale(
    asked: usize,
    wait: Duration,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, String> {
    let limit = limits::raise_to_hard().unwrap_or(u64::MAX);
    let n = asked.min(limits::connections_that_fit(limit));
    if n == 0 {
        return Err(format!("{limit} open files allowed: no connection fits"));
    }
    if n < asked {
        eprintln!("note: {limit} open files allowed (hard limit): {n} connections fit");
    }
    let service = ServiceProcess::start(wait, 0)
        .map_err(|err| format!("the Rust slow service: {err}"))?;
    let mut results = IoResults::default();
    for way in [io::scale_tasks, io::scale_threads] {
        if stop.is_requested() {
            break;
        }
        let run = way(service.addr, n, stop);
        if let Some(reason) = &run.refused {
            eprintln!("note: the OS refused thread {}: {reason}", run.started + 1);
        }
        results.scale.push(run);
    }
    Ok(io::records(&results))
}
