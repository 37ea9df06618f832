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
//! `peak_memory_bytes` in bytes (resident memory, `/proc/self/statm`),
//! `throughput_per_s` in items (or requests) per second of wall time.
