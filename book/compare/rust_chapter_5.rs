//! The Rust side of chapter 5's experiments: the chapter's own parts
//! (`run::cancel`, `run::backpressure`) and its own records.
//!
//! Each part runs in a fresh process, this program again (as the scale-up
//! in `rust_io.rs` does), asked by [`PART_ENV`]: the peaks of resident
//! memory are the process's, and in the compare process the experiments
//! before would have left their heap behind under them; the CPU after a
//! deadline is the process's too. A part measures all its experiments at
//! once, so it runs once per compare run, and its records serve each of its
//! experiments.

use std::sync::Mutex;

use chapter_05_cancellation_and_backpressure::observe::records;
use chapter_05_cancellation_and_backpressure::run::backpressure::{self, Sizes};
use chapter_05_cancellation_and_backpressure::run::cancel;
use shared::record::Record;
use shared::shutdown::{EXIT_INTERRUPTED, Shutdown};

use crate::experiment::{BOUND, Experiment, ITEMS, PERMITS, Plan, STEP_LIMIT, STEPS};
use crate::failure::Failure;
use crate::rust_io;

/// Set in the environment of the child that runs a part: `cancel` or
/// `backpressure`. Its presence makes this program that child.
pub(crate) const PART_ENV: &str = "COURSE_COMPARE_CHAPTER_5";
/// The service's wait in the child, in microseconds.
const WAIT_ENV: &str = "COURSE_COMPARE_CHAPTER_5_WAIT_US";
/// Requests in the child, each way.
const REQUESTS_ENV: &str = "COURSE_COMPARE_CHAPTER_5_REQUESTS";
/// Messages through each of the chapter's `select!` loops (its default);
/// their records (`cancel_safety`, Rust's alone) are not compared.
const MESSAGES: usize = 100;

/// The records of each part run so far in this compare run.
static MEASURED: Mutex<Vec<(&str, Vec<Record>)>> = Mutex::new(Vec::new());

/// The part of the chapter that measures `experiment`.
fn part(experiment: Experiment) -> &'static str {
    match experiment {
        Experiment::ChannelUnbounded
        | Experiment::ChannelBounded
        | Experiment::Semaphore => "backpressure",
        _ => "cancel",
    }
}

/// The experiment's records, from its part's one run.
pub(crate) fn run(
    experiment: Experiment,
    plan: &Plan,
    stop: &Shutdown,
) -> Result<Vec<Record>, Failure> {
    let part = part(experiment);
    let mut measured = MEASURED.lock().unwrap_or_else(|poison| poison.into_inner());
    let records = match measured.iter().find(|(name, _)| *name == part) {
        Some((_, records)) => records.clone(),
        None => {
            let records = child(part, plan, stop)?;
            measured.push((part, records.clone()));
            records
        }
    };
    Ok(records.into_iter().filter(|r| r.experiment == experiment.name()).collect())
}

/// Runs `part` in a fresh process: this program again.
fn child(part: &str, plan: &Plan, stop: &Shutdown) -> Result<Vec<Record>, Failure> {
    let envs = [
        (PART_ENV, part.to_string()),
        (WAIT_ENV, plan.wait.as_micros().to_string()),
        (REQUESTS_ENV, plan.connections.to_string()),
    ];
    rust_io::this_program_again(&envs, &format!("chapter 5's {part}"), stop)
}

/// In the child: runs the part and returns the exit code; `None` in the
/// compare process itself. `main` calls this first.
pub(crate) fn child_if_asked(stop: &'static Shutdown) -> Option<i32> {
    let part = std::env::var(PART_ENV).ok()?;
    let number =
        |name: &str| std::env::var(name).ok().and_then(|n| n.parse::<u64>().ok());
    let wait = std::time::Duration::from_micros(number(WAIT_ENV).unwrap_or(100_000));
    let requests = number(REQUESTS_ENV).unwrap_or(2_000) as usize;
    let measured = match part.as_str() {
        "cancel" => cancel::run(STEPS, STEP_LIMIT, MESSAGES, stop)
            .map(|run| run.map(|run| records::cancel(&run))),
        _ => {
            let sizes = Sizes {
                items: ITEMS,
                bound: BOUND,
                requests,
                permits: PERMITS,
                service_wait: wait,
            };
            backpressure::run(sizes, stop)
                .map(|run| run.map(|run| records::backpressure(&run)))
        }
    };
    Some(match measured {
        Ok(Some(records)) => {
            records.iter().for_each(|r| println!("{}", r.to_json_line()));
            0
        }
        Ok(None) => EXIT_INTERRUPTED,
        Err(err) => {
            eprintln!("error: {err}");
            err.exit_code()
        }
    })
}
