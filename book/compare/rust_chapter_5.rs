//! The Rust side of chapter 5's experiments: the chapter's own parts
//! (`run::cancel`, `run::backpressure`) and its own records, each part in a
//! child of its own ([`crate::child`]). A part measures all its
//! experiments at once, so it runs once per compare run, and its records
//! serve each of its experiments.

use std::sync::Mutex;
use std::time::Duration;

use chapter_05_cancellation_and_backpressure::observe::records;
use chapter_05_cancellation_and_backpressure::run::backpressure::{self, Sizes};
use chapter_05_cancellation_and_backpressure::run::cancel;
use shared::record::Record;
use shared::shutdown::Shutdown;

use crate::child;
use crate::experiment::{BOUND, Experiment, ITEMS, PERMITS, Plan, STEP_LIMIT, STEPS};
use crate::failure::Failure;

/// Messages through each of the chapter's `select!` loops (its default);
/// their records (`cancel_safety`, Rust's alone) are not compared.
const MESSAGES: usize = 100;

/// The records of each part run so far in this compare run.
static MEASURED: Mutex<Vec<(&str, Vec<Record>)>> = Mutex::new(Vec::new());

/// The experiment's records, from its part's one run.
pub(crate) fn run(
    experiment: Experiment,
    plan: &Plan,
    stop: &Shutdown,
) -> Result<Vec<Record>, Failure> {
    let part = match experiment {
        Experiment::ChannelUnbounded
        | Experiment::ChannelBounded
        | Experiment::Semaphore => "backpressure",
        _ => "cancel",
    };
    let mut measured = MEASURED.lock().unwrap_or_else(|poison| poison.into_inner());
    let records = match measured.iter().find(|(name, _)| *name == part) {
        Some((_, records)) => records.clone(),
        None => {
            let records =
                child::measure(part, &format!("chapter 5's {part}"), plan, stop)?;
            measured.push((part, records.clone()));
            records
        }
    };
    Ok(records.into_iter().filter(|r| r.experiment == experiment.name()).collect())
}

/// In the child: measures `part` (`cancel` or `backpressure`), the
/// semaphore's `requests` to a service that answers after `wait`; no
/// record if Ctrl-C came.
pub(crate) fn measure(
    part: &str,
    requests: usize,
    wait: Duration,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, String> {
    let measured = if part == "cancel" {
        cancel::run(STEPS, STEP_LIMIT, MESSAGES, stop)
            .map(|run| run.map(|run| records::cancel(&run)))
    } else {
        let sizes = Sizes {
            items: ITEMS,
            bound: BOUND,
            requests,
            permits: PERMITS,
            service_wait: wait,
        };
        backpressure::run(sizes, stop)
            .map(|run| run.map(|run| records::backpressure(&run)))
    };
    measured.map(Option::unwrap_or_default).map_err(|err| err.to_string())
}
