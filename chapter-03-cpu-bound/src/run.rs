//! One run of the program, as `main.rs` asks for it: the CPU-bound modes one
//! after another, each printed as it ends, the summary, then the I/O-bound
//! contrast, then the records for `--json`.

use std::fmt;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use shared::cli::say;
use shared::{format, machine};

use crate::config::Config;
use crate::io::{self, IoSettings, scale};
use crate::observe::{self, Kind, Mode, ModeRun, record};
use crate::{cpu, report};

/// What a run measured.
#[derive(Debug, Default)]
pub struct Report {
    /// The CPU-bound modes that ran, in order.
    pub cpu: Vec<ModeRun>,
    /// The I/O-bound modes that ran, in order.
    pub io: Vec<ModeRun>,
    /// The I/O scale-up: threads, then tasks.
    pub scaled: Vec<scale::ScaleReport>,
    /// Whether Ctrl-C stopped the run.
    pub stopped: bool,
}

/// What can go wrong besides the measurements.
#[derive(Debug)]
pub enum Error {
    /// The `--json` file could not be written.
    Json(PathBuf, std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Json(path, err) => write!(f, "cannot write {}: {err}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

/// Runs what `config` asks for, printing as it goes. The `--json` file is
/// created first, so that a bad path fails before minutes of measuring.
pub fn run(config: &Config) -> Result<Report, Error> {
    let mut json = config.json.as_deref().map(create).transpose()?;
    let cores = machine::cores();
    let mut report = Report::default();
    if config.workload.has_cpu() {
        report.cpu = cpu_modes(config, cores);
    }
    if config.workload.has_io() && !config.shutdown.is_requested() {
        if !report.cpu.is_empty() {
            say("");
        }
        (report.io, report.scaled) = io_contrast(config, cores);
    }
    report.stopped = config.shutdown.is_requested();
    if report.stopped {
        say("stopped by Ctrl-C: the modes that ran are summarised above");
    }
    if let (Some((path, file)), loop_wall) = (&mut json, observe::loop_wall(&report.cpu))
    {
        let records = report
            .cpu
            .iter()
            .filter_map(|run| record::of_calls(run, config.limit, loop_wall));
        for line in records.map(|record| record.to_json_line()) {
            writeln!(file, "{line}").map_err(|err| Error::Json(path.clone(), err))?;
        }
    }
    Ok(report)
}

fn create(path: &Path) -> Result<(PathBuf, File), Error> {
    let file = File::create(path).map_err(|err| Error::Json(path.to_path_buf(), err))?;
    Ok((path.to_path_buf(), file))
}

/// The CPU-bound experiment: each mode in turn, then the summary.
fn cpu_modes(config: &Config, cores: usize) -> Vec<ModeRun> {
    report::cpu_intro(config, cores).into_iter().for_each(say);
    let runs = each_mode(config, Kind::Cpu, cores, |mode| cpu::run(mode, config));
    if runs.len() > 1 {
        let title = format!(
            "Summary of {} calls of product_below({}):",
            config.calls, config.limit
        );
        say("");
        report::summary(&title, &runs, observe::loop_wall(&runs))
            .into_iter()
            .for_each(say);
    }
    runs
}

/// Runs each mode in turn (never two at once: the CPU time is the whole
/// process's), printing its header before and its lines after.
fn each_mode(
    config: &Config,
    kind: Kind,
    cores: usize,
    mut run: impl FnMut(Mode) -> ModeRun,
) -> Vec<ModeRun> {
    let mut runs: Vec<ModeRun> = Vec::new();
    for &mode in &config.modes {
        say("");
        report::header(mode, kind, config, cores).into_iter().for_each(say);
        let one = observe::median_of(config.repeat, || run(mode));
        let baseline = match kind {
            Kind::Cpu => observe::loop_wall(std::slice::from_ref(&one))
                .or_else(|| observe::loop_wall(&runs)),
            Kind::Io => Some(config.wait * config.calls as u32),
        };
        report::mode_lines(&one, baseline).into_iter().for_each(say);
        let stopped = one.stopped;
        runs.push(one);
        if stopped {
            break;
        }
    }
    runs
}

/// The I/O-bound contrast (`--workload io`), in one call so that it can be
/// replaced whole: the four modes with jobs that wait, then the scale-up.
fn io_contrast(config: &Config, cores: usize) -> (Vec<ModeRun>, Vec<scale::ScaleReport>) {
    let wait = format::duration(config.wait);
    say(format!("I/O-bound: {} jobs that each wait {wait} (a timer).", config.calls));
    report::runs_line(config).into_iter().for_each(say);
    let settings =
        IoSettings { jobs: config.calls, wait: config.wait, shutdown: config.shutdown };
    let runs = each_mode(config, Kind::Io, cores, |mode| {
        let run = |timeline: &_| match mode {
            Mode::Loop => io::jobs::on_loop(&settings, timeline),
            Mode::Threads => io::jobs::on_threads(&settings, timeline),
            Mode::Gil => io::jobs::under_gil(&settings, timeline),
            Mode::Tasks => io::jobs::as_tasks(&settings, timeline),
        };
        observe::measure(mode, Kind::Io, config.calls, run, || {
            config.shutdown.is_requested()
        })
    });
    if runs.len() > 1 {
        let title = format!("Summary of {} jobs that each wait {wait}:", config.calls);
        say("");
        let baseline = Some(config.wait * config.calls as u32);
        report::summary(&title, &runs, baseline).into_iter().for_each(say);
    }
    let mut scaled = Vec::new();
    if config.all_modes() && !config.shutdown.is_requested() {
        let settings = IoSettings { jobs: config.scale, ..settings };
        say(format!("\nScaled up: {} jobs that each wait {wait},", settings.jobs));
        say("as tokio tasks on one thread, then as OS threads.");
        // Tasks first, on a heap the threads have not used yet.
        let tasks = scale::tasks(&settings);
        let threads = scale::threads(&settings);
        scaled = vec![threads, tasks];
        report::scale_lines(&scaled)
            .into_iter()
            .for_each(|line| say(format!("  {line}")));
    }
    (runs, scaled)
}
