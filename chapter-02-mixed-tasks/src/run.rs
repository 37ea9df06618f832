//! The one function `main.rs` calls. It makes what the command line asks
//! for: the runs of the three jobs, printed as they go, with their records
//! (`--json`) and picture (`--pictures`) written at the end; or, with
//! `--compare-places`, the places measured one after the other and their
//! table.

use std::time::Duration;

use shared::cli::say;
use shared::exit::{self, Error};
use shared::machine;
use shared::shutdown::Shutdown;
use shared::ticker::Ended;

use crate::config::Config;
use crate::observe::places::{self, Comparison};
use crate::observe::{self, Plan, Seen, Summary, calibrate, record};
use crate::place::Place;
use crate::runtimes::Runtime;
use crate::{picture, report};

/// The step's size for `--compare-places` when `--limit` is not given: big
/// enough that a burst on the loop makes the ticks late by far more than
/// the threshold, small enough that a burst takes seconds, not minutes.
const PLACES_LIMIT: u32 = 80_000;

/// The ticker's interval beside the burst of `--compare-places`.
const PLACES_TICK_EVERY: Duration = Duration::from_secs(1);

/// The slow-poll threshold of `--compare-places` when `--warn-slow` is not
/// given: asyncio's `slow_callback_duration`.
const SLOW_AFTER: Duration = Duration::from_millis(100);

/// Makes what `config` asks for, stopping early on Ctrl-C.
pub fn run(config: &Config, shutdown: &'static Shutdown) -> Result<(), Error> {
    if config.compare_places {
        compare_places(config, shutdown)
    } else {
        runs(config, shutdown)
    }
}

/// The runs of the three jobs, one after the other.
fn runs(config: &Config, shutdown: &'static Shutdown) -> Result<(), Error> {
    // Output paths are checked before the first run: bad input, found at once.
    let mut json = config.json.as_deref().map(exit::json_file).transpose()?;
    let pictures = config.pictures.as_deref().map(exit::pictures_dir).transpose()?;
    let limit = config.limit.unwrap_or_else(|| {
        let calibration = calibrate::calibrate(calibrate::TARGET);
        say(report::calibration(&calibration));
        calibration.limit
    });
    let mut measured_runs = Vec::new();
    for plan in plans(config, limit) {
        if shutdown.is_requested() {
            break;
        }
        if !measured_runs.is_empty() {
            say("");
        }
        report::header(&plan).into_iter().for_each(say);
        let (only_ticks, interval) = (config.only_ticks, plan.interval);
        let show = move |seen: &Seen, start| {
            if !only_ticks || matches!(seen, Seen::Tick { .. }) {
                say(report::line(seen, start, interval));
            }
        };
        let measured = observe::measure(&plan, shutdown, show).map_err(Error::Failed)?;
        let summary = Summary::of(&measured);
        report::summary(&measured, &summary).into_iter().for_each(say);
        // A run cut short by Ctrl-C is not a measurement of the experiment.
        if let (Some(json), Ended::Done) = (&mut json, measured.ended) {
            json.write(&[record::record(&measured, &summary)]).map_err(Error::Failed)?;
        }
        measured_runs.push(measured);
    }
    if let Some(dir) = pictures {
        let svg = picture::draw(&measured_runs).render();
        exit::write_picture(&dir, picture::FILE_NAME, &svg)?;
    }
    Ok(())
}

/// The runs `config` asks for, each with steps of `limit`: with
/// --all-runtimes every runtime on the loop then off it, then tokio with rayon.
fn plans(config: &Config, limit: u32) -> Vec<Plan> {
    let places: Vec<_> = if config.all_runtimes {
        let every = Runtime::ALL
            .iter()
            .flat_map(|&r| [(r, Place::Loop), (r, Place::BlockingPool)]);
        every.chain([(Runtime::Tokio, Place::Rayon)]).collect()
    } else {
        vec![(config.runtime, config.offload.unwrap_or(Place::Loop))]
    };
    let &Config { interval, seed, warn_slow, .. } = config;
    let ticks = config.ticks.or(config.all_runtimes.then_some(5));
    let plan = |(runtime, place)| {
        // Only the runtime and where the steps run differ from run to run.
        Plan { runtime, place, interval, ticks, limit, seed, warn_slow }
    };
    places.into_iter().map(plan).collect()
}

/// `--compare-places`: the places `config` names, measured one after the
/// other, and one table.
fn compare_places(config: &Config, shutdown: &'static Shutdown) -> Result<(), Error> {
    let plan = Comparison {
        burst: config.burst,
        limit: config.limit.unwrap_or(PLACES_LIMIT),
        tick_every: PLACES_TICK_EVERY,
        slow_after: config.warn_slow.unwrap_or(SLOW_AFTER),
        threads: machine::cores(),
    };
    let chosen: &[Place] =
        if config.places.is_empty() { &Place::ALL } else { &config.places };
    report::places::header(&plan).into_iter().for_each(say);
    let mut measured = Vec::new();
    for &place in chosen {
        if shutdown.is_requested() {
            break;
        }
        measured.extend(places::measure(place, &plan, shutdown).map_err(Error::Failed)?);
    }
    if !measured.is_empty() {
        say("");
        report::places::table_lines(&measured, &plan).into_iter().for_each(say);
        say("");
        report::places::footer(&measured, &plan).into_iter().for_each(say);
    }
    if shutdown.is_requested() {
        say("stopped by Ctrl-C: the table holds the places measured before it.");
    }
    Ok(())
}
