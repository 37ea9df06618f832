//! The Rust side of the I/O experiments: chapter 3's slow service (a child
//! process on 127.0.0.1), its clients in each place, and its scale-up.
//!
//! The scale-up reads the growth of the process's resident memory, so it
//! runs in a fresh process of its own: this program again, asked by
//! [`SCALE_ENV`]. In the compare process itself, the experiments before it
//! would have left freed heap and cached thread stacks behind for the new
//! connections to reuse, and each would look cheaper than it is. Python's
//! side starts a fresh interpreter anyway.

use std::process::Command;
use std::time::Duration;

use chapter_03_cpu_bound::net::limits;
use chapter_03_cpu_bound::net::service::ServiceProcess;
use chapter_03_cpu_bound::observe::Place;
use chapter_03_cpu_bound::observe::io::{self, IoResults};
use shared::record::Record;
use shared::shutdown::{EXIT_INTERRUPTED, Shutdown};

use crate::experiment::Plan;
use crate::failure::Failure;

/// Set in the environment of the child that runs the scale-up: how many
/// connections. Its presence makes this program that child.
pub(crate) const SCALE_ENV: &str = "COURSE_COMPARE_SCALE";
/// The service's wait in the scale-up child, in microseconds.
const WAIT_ENV: &str = "COURSE_COMPARE_SCALE_WAIT_US";

/// The places compare runs: one loop (asyncio's counterpart), threads
/// (Python's threads without the GIL), and threads under the GIL model
/// (what CPython's threads do with it).
const MODES: [Place; 3] = [Place::Loop, Place::Threads, Place::Gil];

fn start_service(wait: Duration) -> Result<ServiceProcess, Failure> {
    ServiceProcess::start(wait, 0)
        .map_err(|err| Failure::Error(format!("the Rust slow service: {err}")))
}

// ANCHOR: io_calls
/// Chapter 3's clients against its slow service, in each of [`MODES`].
pub(crate) fn io_calls(
    plan: &Plan,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, Failure> {
    let service = start_service(plan.wait)?;
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
// ANCHOR_END: io_calls

/// The scale-up, in a fresh process: this program again, with
/// [`SCALE_ENV`] set.
pub(crate) fn io_scale(plan: &Plan, stop: &Shutdown) -> Result<Vec<Record>, Failure> {
    let envs = [
        (SCALE_ENV, plan.connections.to_string()),
        (WAIT_ENV, plan.wait.as_micros().to_string()),
    ];
    this_program_again(&envs, "the Rust scale-up", stop)
}

/// Runs this program again with `envs` set, which makes it a child that
/// measures `what` alone; its records come back as JSON lines on its
/// stdout, its notes (the descriptor limit, the OS refusing a thread) on
/// its stderr pass on.
pub(crate) fn this_program_again(
    envs: &[(&str, String)],
    what: &str,
    stop: &Shutdown,
) -> Result<Vec<Record>, Failure> {
    let program = std::env::current_exe()
        .map_err(|err| Failure::Error(format!("cannot find this program: {err}")))?;
    let output = Command::new(program)
        .envs(envs.iter().map(|(name, value)| (name, value)))
        .output()
        .map_err(|err| Failure::Error(format!("cannot start {what}: {err}")))?;
    // A terminal's Ctrl-C reaches the child too, which stops early.
    if stop.is_requested() {
        return Err(Failure::Stopped);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        let why = last.unwrap_or("no message").trim_start_matches("error: ");
        return Err(Failure::Error(format!("{what} failed: {why}")));
    }
    stderr.lines().for_each(|line| eprintln!("{line}"));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| Record::from_json_line(line).map_err(Failure::Error))
        .collect()
}

/// In the scale-up child: runs it and returns the exit code; `None` in the
/// compare process itself. `main` calls this first.
pub(crate) fn scale_child_if_asked(stop: &'static Shutdown) -> Option<i32> {
    let asked: usize = std::env::var(SCALE_ENV).ok()?.parse().ok()?;
    let wait = std::env::var(WAIT_ENV).ok().and_then(|us| us.parse().ok());
    let wait = Duration::from_micros(wait.unwrap_or(100_000));
    Some(match scale_child(asked, wait, stop) {
        Ok(records) => {
            records.iter().for_each(|r| println!("{}", r.to_json_line()));
            if stop.is_requested() { EXIT_INTERRUPTED } else { 0 }
        }
        Err(message) => {
            eprintln!("error: {message}");
            2
        }
    })
}

// ANCHOR: io_scale
/// Chapter 3's scale-up: `asked` connections as tasks, then as threads, as
/// many as the open-files limit allows.
fn scale_child(
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
// ANCHOR_END: io_scale
