//! One run of the program, as `main.rs` asks for it: the CPU-bound places
//! one after another, each printed as it ends, the summary, then the I/O
//! experiments on real sockets ([`crate::net`]), then the `--json` records
//! and the `--pictures` timeline.

use shared::cli::say;
use shared::exit::{self, Error};
use shared::record::Record;
use shared::shutdown::Shutdown;

use crate::config::Config;
use crate::observe::io::{self as io_observed, IoResults};
use crate::observe::{self, PlaceRun, record};
use crate::picture;
use crate::report::cpu as report;

mod io;

/// The picture's file name in the `--pictures` folder.
pub const PICTURE: &str = "chapter-03-cpu-bound-timeline.svg";

/// Runs what `config` asks for, printing as it goes, until Ctrl-C. The
/// `--json` file and the `--pictures` folder are made first, so that a bad
/// path fails before minutes of measuring.
pub fn run(config: &Config, shutdown: &Shutdown) -> Result<(), Error> {
    let mut json = config.json.as_deref().map(exit::json_file).transpose()?;
    let pictures = config.pictures.as_deref().map(exit::pictures_dir).transpose()?;
    let cpu =
        if config.workload.has_cpu() { cpu_places(config, shutdown) } else { Vec::new() };
    let mut io = None;
    if config.workload.has_io() && !shutdown.is_requested() {
        if !cpu.is_empty() {
            say("");
        }
        io = Some(io::run(config, shutdown).map_err(Error::BadInput)?);
    }
    if shutdown.is_requested() {
        say("stopped by Ctrl-C: the places that ran are summarised above");
    }
    if let Some(json) = &mut json {
        json.write(&records(config, &cpu, io.as_ref())).map_err(Error::Failed)?;
    }
    if let Some(dir) = pictures {
        exit::write_picture(&dir, PICTURE, &picture::draw(&cpu).render())?;
    }
    match io.as_ref().map_or(0, IoResults::failures) {
        0 => Ok(()),
        failed => {
            Err(Error::Failed(format!("{failed} request(s) failed (see FAILED above)")))
        }
    }
}

/// Every record of the run: the CPU places (`calls`), then the I/O parts.
fn records(config: &Config, cpu: &[PlaceRun], io: Option<&IoResults>) -> Vec<Record> {
    let loop_wall = observe::loop_wall(cpu);
    let calls =
        cpu.iter().filter_map(|run| record::of_calls(run, config.limit, loop_wall));
    let io = io.map(io_observed::records);
    calls.chain(io.into_iter().flatten()).collect()
}

/// The CPU-bound experiment: each place in turn (never two at once: the CPU
/// time is the whole process's), then the summary.
fn cpu_places(config: &Config, shutdown: &Shutdown) -> Vec<PlaceRun> {
    let cores = shared::machine::cores();
    report::cpu_intro(config, cores).into_iter().for_each(say);
    let mut runs: Vec<PlaceRun> = Vec::new();
    for &place in config.places() {
        say("");
        report::header(place, config).into_iter().for_each(say);
        let one = observe::median_of(config.repeat, || {
            observe::run_place(place, config, shutdown)
        });
        let baseline = observe::loop_wall(std::slice::from_ref(&one))
            .or_else(|| observe::loop_wall(&runs));
        report::place_lines(&one, baseline).into_iter().for_each(say);
        let stopped = one.stopped;
        runs.push(one);
        if stopped {
            break;
        }
    }
    if runs.len() > 1 {
        let (calls, limit) = (config.calls, config.limit);
        let title = format!("Summary of {calls} calls of product_below({limit}):");
        say("");
        report::summary(&title, &runs, observe::loop_wall(&runs))
            .into_iter()
            .for_each(say);
    }
    runs
}
