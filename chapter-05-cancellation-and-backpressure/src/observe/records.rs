//! The measurements as `shared::record::Record`s, for `--json`: one JSON
//! line per way of each experiment, in the form chapter 4's are, so that
//! the Python side (`book/python/`) prints the same fields.
//!
//! The experiments (`experiment`), and the fields each fills in besides the
//! common ones (`wall_s`, `cpu_s`, `cores_used`, `cores`, `limit`,
//! `variant`, `verdict`):
//!
//! | experiment | what | its fields |
//! |---|---|---|
//! | `cancel_timeout` | a chain of steps dropped by a timeout | `steps_started`, `steps_finished`, `cpu_after_deadline_ms`, `step_s` |
//! | `cancel_blocking` | a blocking-pool or rayon job whose handle timed out (`variant`: `spawn-blocking`, `rayon`) | the same |
//! | `cancel_token` | the job checks a token between steps | the same |
//! | `cancel_process` | the job in a child process, killed at the deadline | the same |
//! | `cancel_safety` | a `select!` loop reading framed messages (`variant`: `read-exact`, `buffered`) | `calls` (messages sent), `lost_messages` |
//! | `channel_unbounded` | a fast producer, a slow consumer, no bound | `calls` (items), `peak_memory_bytes`, `throughput_per_s`, `latency_median_ms`, `latency_worst_ms` |
//! | `channel_bounded` | the same through a channel of `bound` items | the same, and `bound` |
//! | `semaphore` | requests to a slow service (`variant`: `uncapped`, `capped`) | `calls` (requests), `bound` (permits, when capped), `peak_memory_bytes`, `throughput_per_s`, `latency_median_ms`, `latency_worst_ms`, `failures` |
//!
//! Units: `cpu_after_deadline_ms` and the latencies in milliseconds,
//! `peak_memory_bytes` in bytes (resident memory, `VmRSS` in `/proc/self/status`),
//! `throughput_per_s` in items (or requests) per second of wall time.

use shared::machine::RUSTC_VERSION as VERSION;
use shared::record::{Record, round};

use crate::channels::ITEM_BYTES;
use crate::observe::cancelled::CancelRun;
use crate::observe::flowed::{BackpressureRun, Flowed};
use crate::observe::verdict::{self, Stop};

/// One record per way of giving up, and one per `select!` loop.
pub fn cancel(run: &CancelRun) -> Vec<Record> {
    let mut records: Vec<Record> = run
        .ways
        .iter()
        .map(|way| {
            let (experiment, variant) = way.way.experiment();
            let after = &way.after;
            Record {
                steps_started: Some(after.started),
                steps_finished: Some(after.finished),
                cpu_after_deadline_ms: Some(round(
                    after.cpu_after.as_secs_f64() * 1e3,
                    3,
                )),
                step_s: Some(round(run.step.cpu.as_secs_f64(), 6)),
                variant: Some(variant.to_string()),
                verdict: Some(Stop::of(after, &run.step).words().to_string()),
                ..Record::measured(
                    experiment,
                    "rust",
                    VERSION,
                    run.limit,
                    &way.measurement,
                )
            }
        })
        .collect();
    records.extend(run.safety.iter().map(|loop_| {
        let variant = if loop_.buffered { "buffered" } else { "read-exact" };
        let lost = loop_.sent - loop_.whole;
        Record {
            calls: Some(loop_.sent),
            lost_messages: Some(lost as u64),
            variant: Some(variant.to_string()),
            verdict: Some(if lost == 0 { "none lost" } else { "lost" }.to_string()),
            ..Record::measured("cancel_safety", "rust", VERSION, 0, &loop_.measurement)
        }
    }));
    records
}

/// One record per channel and one per way of sending the requests.
pub fn backpressure(run: &BackpressureRun) -> Vec<Record> {
    let channel = |flow: &Flowed| {
        let experiment =
            if flow.bound.is_some() { "channel_bounded" } else { "channel_unbounded" };
        let payload = (flow.items * ITEM_BYTES) as u64;
        Record {
            verdict: Some(verdict::memory(flow.growth(), payload).to_string()),
            ..flowed(experiment, flow)
        }
    };
    let requests = |flow: &Flowed| {
        let variant = if flow.bound.is_some() { "capped" } else { "uncapped" };
        Record {
            failures: Some(flow.failures),
            variant: Some(variant.to_string()),
            ..flowed("semaphore", flow)
        }
    };
    run.channels.iter().map(channel).chain(run.requests.iter().map(requests)).collect()
}

fn flowed(experiment: &str, flow: &Flowed) -> Record {
    let (median, worst) = verdict::median_and_worst(&flow.latencies);
    Record {
        calls: Some(flow.items),
        bound: flow.bound.map(|b| b as u64),
        peak_memory_bytes: Some(flow.rss_peak()),
        throughput_per_s: Some(round(flow.throughput(), 1)),
        latency_median_ms: Some(round(median.as_secs_f64() * 1e3, 3)),
        latency_worst_ms: Some(round(worst.as_secs_f64() * 1e3, 3)),
        ..Record::measured(experiment, "rust", VERSION, 0, &flow.measurement)
    }
}
