//! The one function `main.rs` calls: the runs the command line asks for,
//! printed as they go, with their records (`--json`) and picture
//! (`--pictures`) written at the end.

use shared::cli::{cannot_write, say};
use shared::exit::{self, Error};
use shared::shutdown::Shutdown;

use crate::config::Config;
use crate::observe::{self, Run, Seen, Summary, calibrate, record};
use crate::place::Place;
use crate::runtimes::Runtime;
use crate::ticker::StopReason;
use crate::{picture, report};

/// Makes the runs `config` asks for, one after the other, stopping early on
/// Ctrl-C.
pub fn run(config: &Config, shutdown: &'static Shutdown) -> Result<(), Error> {
    if config.compare_places {
        return crate::run_places::run(config, shutdown);
    }
    // Output paths are checked before the first run: bad input, found at once.
    let mut json = config.json.as_deref().map(exit::json_file).transpose()?;
    let pictures = config.pictures.as_deref().map(exit::pictures_dir).transpose()?;
    let limit = config.limit.unwrap_or_else(|| {
        let calibration = calibrate::calibrate(calibrate::TARGET);
        say(report::calibration(&calibration));
        calibration.limit
    });
    let mut measured_runs = Vec::new();
    for run in runs(config, limit) {
        if shutdown.is_requested() {
            break;
        }
        if !measured_runs.is_empty() {
            say("");
        }
        report::header(&run).into_iter().for_each(say);
        let only_ticks = config.only_ticks;
        let show = move |seen: &Seen| {
            if !only_ticks || matches!(seen, Seen::Tick(_)) {
                say(report::line(seen, run.late_after));
            }
        };
        let measured = observe::measure(&run, shutdown, show).map_err(Error::Failed)?;
        let summary = Summary::of(&measured);
        report::summary(&measured, &summary).into_iter().for_each(say);
        // A run cut short by Ctrl-C is not a measurement of the experiment.
        if let (Some(json), StopReason::TicksDone) = (&mut json, measured.stop) {
            json.write(&[record::record(&measured, &summary)]).map_err(Error::Failed)?;
        }
        measured_runs.push(measured);
    }
    if let Some(dir) = pictures {
        let path = dir.join(picture::FILE_NAME);
        let written = picture::draw(&measured_runs).write(&path);
        written.map_err(|err| Error::Failed(cannot_write(&path, err)))?;
    }
    Ok(())
}

/// The runs `config` asks for, each with steps of `limit`: with
/// --all-runtimes every runtime on the loop then off it, then tokio with rayon.
fn runs(config: &Config, limit: u32) -> Vec<Run> {
    let places: Vec<_> = if config.all_runtimes {
        let every =
            Runtime::ALL.iter().flat_map(|&r| [(r, Place::OnLoop), (r, Place::Pool)]);
        every.chain([(Runtime::Tokio, Place::Rayon)]).collect()
    } else {
        vec![(config.runtime, config.offload.unwrap_or(Place::OnLoop))]
    };
    let &Config { interval, seed, late_after, warn_slow, .. } = config;
    let ticks = config.ticks.or(config.all_runtimes.then_some(5));
    let run = |(runtime, place)| {
        // Only the runtime and where the steps run differ from run to run.
        Run { runtime, place, interval, ticks, limit, seed, late_after, warn_slow }
    };
    places.into_iter().map(run).collect()
}
