//! The one function `main.rs` calls: the runs the command line asks for,
//! printed as they go, with their records (`--json`) and picture
//! (`--timeline`) written at the end.

use std::sync::mpsc;
use std::thread;

use shared::cli::{cannot_write, say};
use shared::record::JsonLines;
use shared::shutdown::Shutdown;

use crate::events::Event;
use crate::jobs::Config;
use crate::observe::{Summary, calibrate, record};
use crate::options::Options;
use crate::runtimes::{Offload, Placement, Runtime};
use crate::ticker::StopReason;
use crate::{jobs, picture, report};

/// Makes the runs `options` ask for, one after the other, stopping early on
/// Ctrl-C.
pub fn run(options: &Options, ctrl_c: &'static Shutdown) -> Result<(), String> {
    if options.compare_places {
        return crate::run_places::run(options, ctrl_c);
    }
    let mut json = options.json.as_deref().map(JsonLines::create).transpose()?;
    let limit = options.limit.unwrap_or_else(|| {
        let calibration = calibrate::calibrate(calibrate::TARGET);
        say(report::calibration(&calibration));
        calibration.limit
    });
    let (mut runs, only_ticks) = (Vec::new(), options.only_ticks);
    for config in configs(options, limit) {
        if ctrl_c.is_requested() {
            break;
        }
        if !runs.is_empty() {
            say("");
        }
        report::header(&config).into_iter().for_each(say);
        // The jobs send events; this thread prints them as they come.
        let (events, received) = mpsc::channel();
        let shown = move |event: &Event| !only_ticks || matches!(event, Event::Tick(_));
        let printer = thread::spawn(move || {
            let lines = received.iter().filter(shown);
            lines.for_each(|event| say(report::event_line(&event, config.late_after)));
        });
        let measured = jobs::run(&config, events, ctrl_c);
        printer.join().map_err(|_| "the printer thread failed".to_string())?;
        let measured = measured?;
        let summary = Summary::of(&measured);
        report::summary(&measured, &summary).into_iter().for_each(say);
        // A run cut short by Ctrl-C is not a measurement of the experiment.
        if let (Some(json), StopReason::TicksDone) = (&mut json, measured.stop) {
            json.write(&[record::record(&measured, &summary)])?;
        }
        runs.push(measured);
    }
    if let Some(path) = &options.timeline {
        picture::draw(&runs).write(path).map_err(|err| cannot_write(path, err))?;
    }
    Ok(())
}

/// The runs `options` ask for, each with steps of `limit`: with
/// --all-runtimes every runtime on the loop then off it, then tokio with rayon.
fn configs(options: &Options, limit: u32) -> Vec<Config> {
    let (on_loop, pool) = (Placement::OnLoop, Placement::Off(Offload::Pool));
    let runs: Vec<_> = if options.all_runtimes {
        let every = Runtime::ALL.iter().flat_map(|&r| [(r, on_loop), (r, pool)]);
        every.chain([(Runtime::Tokio, Placement::Off(Offload::Rayon))]).collect()
    } else {
        vec![(options.runtime, options.offload.map_or(on_loop, Placement::Off))]
    };
    let &Options { interval, seed, late_after, warn_slow, .. } = options;
    let ticks = options.ticks.or(options.all_runtimes.then_some(5));
    let config = |(runtime, placement)| {
        // Only the runtime and where the steps run differ from run to run.
        Config { runtime, placement, interval, ticks, limit, seed, late_after, warn_slow }
    };
    runs.into_iter().map(config).collect()
}
