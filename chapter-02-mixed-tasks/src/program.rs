//! The one function `main.rs` calls: the runs the command line asks for,
//! printed as they go, with their records (`--json`) and picture
//! (`--timeline`) written at the end.

use std::fs::File;
use std::io::Write;
use std::sync::mpsc;
use std::thread;

use shared::cli::say;
use shared::shutdown::Shutdown;

use crate::observe::{Summary, calibrate, record};
use crate::options::Options;
use crate::{jobs, picture, report};

/// Makes the runs `options` ask for, one after the other, stopping early on
/// Ctrl-C. Returns what each run measured.
pub fn run(
    options: &Options,
    ctrl_c: &'static Shutdown,
) -> Result<Vec<jobs::Measured>, String> {
    let cannot =
        |path: &std::path::Path, err| format!("cannot write {}: {err}", path.display());
    let mut json = match &options.json {
        Some(path) => Some((File::create(path).map_err(|err| cannot(path, err))?, path)),
        None => None,
    };
    let limit = options.limit.unwrap_or_else(|| {
        let calibration = calibrate::calibrate(calibrate::TARGET);
        say(report::calibration(&calibration));
        calibration.limit
    });
    let mut runs = Vec::new();
    for config in options.configs(limit) {
        if ctrl_c.is_requested() {
            break;
        }
        if !runs.is_empty() {
            say("");
        }
        report::header(&config).into_iter().for_each(say);
        // The jobs send events; this thread prints them as they come.
        let (events, received) = mpsc::channel();
        let show_tasks = !options.only_ticks;
        let printer = thread::spawn(move || {
            received
                .iter()
                .filter_map(|event| {
                    report::event_line(&event, config.late_after, show_tasks)
                })
                .for_each(say);
        });
        let measured = jobs::run(&config, events, ctrl_c);
        printer.join().map_err(|_| "the printer thread failed".to_string())?;
        let measured = measured?;
        let summary = Summary::of(&measured);
        report::summary(&measured, &summary).into_iter().for_each(say);
        if let Some((file, path)) = &mut json
            && measured.stop == crate::ticker::StopReason::TicksDone
        {
            let line = record::record(&measured, &summary).to_json_line();
            writeln!(file, "{line}").map_err(|err| cannot(path, err))?;
        }
        runs.push(measured);
    }
    if let Some(path) = &options.timeline {
        picture::draw(&runs).write(path).map_err(|err| cannot(path, err))?;
    }
    Ok(runs)
}
