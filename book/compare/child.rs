//! compare's children: this program started again to do one thing alone,
//! and how compare reads the records a child (this program or a Python
//! program) prints.
//!
//! Others start it as a pool's worker (chapter 4), as the slow service
//! (chapter 3) or as the job a deadline kills (chapter 5). compare starts
//! it itself, asked by [`PART_ENV`], for a measurement that needs a fresh
//! process: the scale-up and chapter 5's parts read the growth of the
//! process's resident memory (in the compare process, the experiments
//! before would have left freed heap and cached thread stacks behind, and
//! each connection or item would look cheaper than it is), and chapter 5's
//! CPU after a deadline is the process's too. Python's side starts a fresh
//! interpreter anyway.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use chapter_03_cpu_bound::net::service;
use chapter_04_parallelism::worker;
use chapter_05_cancellation_and_backpressure::process;
use shared::record::Record;
use shared::shutdown::{self, EXIT_INTERRUPTED, Shutdown};

use crate::experiment::Plan;
use crate::failure::Failure;

/// Set in the environment of a child compare starts: the part it measures
/// (`scale`, `cancel` or `backpressure`).
const PART_ENV: &str = "COURSE_COMPARE_PART";
/// The slow service's wait in the child, in microseconds.
const WAIT_ENV: &str = "COURSE_COMPARE_WAIT_US";
/// The connections (the scale-up) or requests (chapter 5's semaphore).
const CONNECTIONS_ENV: &str = "COURSE_COMPARE_CONNECTIONS";

/// How a child measures its part: the connections (the scale-up) or
/// requests (chapter 5's semaphore), to a service that answers after `wait`.
pub(crate) type Measure = fn(
    part: &str,
    connections: usize,
    wait: Duration,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, String>;

/// When this process is a child: runs as one (measuring its part with
/// `measure`) and returns its exit code; `None` in the compare process
/// itself. `main` calls this first.
pub(crate) fn exit_code_if_child(measure: Measure) -> Option<i32> {
    if worker::is_worker() {
        return Some(worker::serve());
    }
    if let Some(code) = service::serve_if_asked() {
        return Some(code);
    }
    let stop = shutdown::ctrl_c();
    if let Some(code) = process::run_if_child() {
        return Some(code);
    }
    let part = std::env::var(PART_ENV).ok()?;
    let number = |name: &str| std::env::var(name).ok().and_then(|n| n.parse().ok());
    let wait = Duration::from_micros(number(WAIT_ENV).unwrap_or(100_000));
    let connections = number(CONNECTIONS_ENV).unwrap_or(2_000) as usize;
    Some(match measure(&part, connections, wait, stop) {
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

/// This program, which a pool starts again as its workers and compare as a
/// child.
pub(crate) fn this_program() -> Result<PathBuf, Failure> {
    std::env::current_exe()
        .map_err(|err| Failure::Error(format!("cannot find this program: {err}")))
}

/// Measures `part` (`what`, in words) in a child; its notes (the
/// open-files limit, the OS refusing a thread) pass on.
pub(crate) fn measure(
    part: &str,
    what: &str,
    plan: &Plan,
    stop: &Shutdown,
) -> Result<Vec<Record>, Failure> {
    let mut command = Command::new(this_program()?);
    command.env(PART_ENV, part);
    command.env(WAIT_ENV, plan.wait.as_micros().to_string());
    command.env(CONNECTIONS_ENV, plan.connections.to_string());
    let (records, notes) = records_of(&mut command, what, stop)?;
    notes.lines().for_each(|line| eprintln!("{line}"));
    Ok(records)
}

/// Runs `command` (`what`, in words) and reads the records it prints as
/// JSON lines on stdout, with its stderr; when it fails, the last line of
/// its stderr says why.
pub(crate) fn records_of(
    command: &mut Command,
    what: &str,
    stop: &Shutdown,
) -> Result<(Vec<Record>, String), Failure> {
    let output = (command.output())
        .map_err(|err| Failure::Error(format!("cannot start {what}: {err}")))?;
    // A terminal's Ctrl-C reaches the child too, which stops early.
    if stop.is_requested() {
        return Err(Failure::Stopped);
    }
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        let why = last.unwrap_or("no message").trim_start_matches("error: ");
        return Err(Failure::Error(format!("{what} failed ({}): {why}", output.status)));
    }
    let records = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| Record::from_json_line(line).map_err(|err| format!("{what}: {err}")))
        .collect::<Result<_, _>>()
        .map_err(Failure::Error)?;
    Ok((records, stderr))
}
