//! Chapter 2: mixed tasks on one loop, the late timer, and the fix.
//!
//! The article's second program puts three jobs on one asyncio loop: a
//! printer that should run every 2 seconds, a job that waits a random time and
//! prints, and a chain of CPU-bound calls that schedules itself again and
//! again. The printer falls behind: the article saw 6 to 7 seconds between
//! prints instead of 2. This chapter runs the same three jobs on tokio,
//! async-std and smol, measures how late every tick is, and then applies the
//! remedy the article only promised: the CPU steps run off the loop (a
//! runtime's blocking pool, or rayon), and the ticks come on time again.
//!
//! # Layout
//!
//! The lesson, at the top of `src/` (the book's listings come from here):
//! - [`ticker`]: the periodic job; each tick notes when it was due and ran.
//! - [`chores`]: the job that waits a random (seeded) time, again and again.
//! - [`cpu_chain`]: the chain of CPU-bound steps, on the loop or off it.
//! - [`events`]: what the jobs send while they run (they never print).
//! - [`jobs`]: one run's [`jobs::Config`], the three jobs handed to a
//!   runtime, and what the run measured ([`jobs::Measured`]).
//! - [`runtimes`]: what each runtime provides (sleep, yield, its own way to
//!   offload) and how it runs three jobs on one loop; one file per runtime,
//!   plus rayon.
//!
//! Around it:
//! - [`observe`]: measuring and verdicts: lateness, the run's summary, the
//!   step size calibrated on this machine, the run as a `shared` record.
//! - [`report`]: every line the program prints.
//! - [`options`] and [`run`]: the command line, and the one function
//!   `main.rs` calls.
//!
//! Each module uses only those listed before it (the report and the command
//! line come last), so there is no import circle.

pub mod chores;
pub mod cpu_chain;
pub mod events;
pub mod jobs;
pub mod observe;
pub mod options;
pub mod report;
pub mod runtimes;
pub mod ticker;

use std::fs::File;
use std::io::Write;
use std::sync::mpsc;
use std::thread;

use shared::cli::say;
use shared::shutdown::Shutdown;

pub use options::Options;

use observe::Summary;
use observe::calibrate::{self, TARGET};

// ANCHOR: snapshot_filters
/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] =
    &[(r"\b\d+ worker threads\b", "[n] worker threads")];
// ANCHOR_END: snapshot_filters

/// Makes the runs `options` ask for, one after the other, printing each as
/// it goes and writing a record of each finished run to `--json`. Stops
/// early on Ctrl-C. Returns what each run measured.
pub fn run(
    options: &Options,
    ctrl_c: &'static Shutdown,
) -> Result<Vec<jobs::Measured>, String> {
    let open = |path: &std::path::PathBuf| {
        File::create(path)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))
    };
    let mut json = options.json.as_ref().map(open).transpose()?;
    let limit = options.limit.unwrap_or_else(|| {
        let calibration = calibrate::calibrate(TARGET);
        say(format!(
            "Step size: limit {} for about {} (limit {} took {})",
            calibration.limit,
            shared::format::duration(TARGET),
            calibration.probe_limit,
            shared::format::duration(calibration.probe_took)
        ));
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
            for event in received {
                if let Some(line) =
                    report::event_line(&event, config.late_after, show_tasks)
                {
                    say(line);
                }
            }
        });
        let measured = jobs::run(&config, events, ctrl_c);
        printer.join().map_err(|_| "the printer thread failed".to_string())?;
        let measured = measured?;
        let summary = Summary::of(&measured);
        report::summary(&measured, &summary).into_iter().for_each(say);
        if let (Some(file), ticker::StopReason::TicksDone) = (&mut json, measured.stop) {
            let line = observe::record::record(&measured, &summary).to_json_line();
            writeln!(file, "{line}").map_err(|err| format!("cannot write: {err}"))?;
        }
        runs.push(measured);
    }
    Ok(runs)
}
