//! `--compare-places`: every place measured, one after the other, and one
//! table.

use std::time::Duration;

use shared::cli::say;
use shared::machine;
use shared::shutdown::Shutdown;

use crate::observe::places::{self, Plan};
use shared::exit::Error;

use crate::config::Config;
use crate::places::Place;
use crate::report_places;

/// The step's size when `--limit` is not given: big enough that a burst on
/// the loop makes the ticks late by far more than 100 ms, small enough that
/// a burst takes seconds, not minutes.
pub const LIMIT: u32 = 80_000;

/// The ticker's interval beside the burst.
pub const TICK_EVERY: Duration = Duration::from_millis(50);

/// The slow-poll threshold when `--warn-slow` is not given: asyncio's
/// `slow_callback_duration`.
pub const SLOW_AFTER: Duration = Duration::from_millis(100);

/// Measures the places `config` names, prints the table.
pub fn run(config: &Config, shutdown: &'static Shutdown) -> Result<(), Error> {
    let plan = Plan {
        burst: config.burst,
        limit: config.limit.unwrap_or(LIMIT),
        tick_every: TICK_EVERY,
        late_after: config.late_after,
        slow_after: config.warn_slow.unwrap_or(SLOW_AFTER),
        threads: machine::cores(),
    };
    let chosen: &[Place] =
        if config.places.is_empty() { &Place::ALL } else { &config.places };
    report_places::header(&plan).into_iter().for_each(say);
    let mut runs = Vec::new();
    for &place in chosen {
        if shutdown.is_requested() {
            break;
        }
        runs.extend(places::measure(place, &plan, shutdown).map_err(Error::Failed)?);
    }
    if !runs.is_empty() {
        say("");
        report_places::table_lines(&runs, &plan).into_iter().for_each(say);
        say("");
        report_places::footer(&runs, &plan).into_iter().for_each(say);
    }
    if shutdown.is_requested() {
        say("stopped by Ctrl-C: the table holds the places measured before it.");
    }
    Ok(())
}
