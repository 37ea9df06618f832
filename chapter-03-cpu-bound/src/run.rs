//! One run of the program, as `main.rs` asks for it: the CPU-bound modes one
//! after another, each printed as it ends, the summary, then the I/O
//! experiments on real sockets ([`crate::net`]), then the `--json` records
//! and the `--timeline` picture.

use std::fmt;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use shared::cli::{cannot_write, say};
use shared::machine;
use shared::record::{JsonLines, Record};

use crate::config::Config;
use crate::net::report::{self as net_report, NetResults};
use crate::net::{NetConfig, NetError};
use crate::observe::{self, ModeRun, record};
use crate::{cpu, picture, report};

/// What a run measured.
#[derive(Debug, Default)]
pub struct Report {
    /// The CPU-bound modes that ran, in order.
    pub cpu: Vec<ModeRun>,
    /// The I/O experiments, if they ran.
    pub io: Option<NetResults>,
    /// Whether Ctrl-C stopped the run.
    pub stopped: bool,
}

/// What can go wrong besides the measurements.
#[derive(Debug)]
pub enum Error {
    /// The `--json` or `--timeline` file could not be written.
    Write(String),
    /// The I/O experiment could not run (a port in use, no service...).
    Net(NetError),
    /// Requests or connections of the I/O experiment failed.
    Failed(usize),
}

impl Error {
    /// The exit code: 1 when requests failed, 2 when the run could not start.
    pub fn exit_code(&self) -> i32 {
        if matches!(self, Error::Failed(_)) { 1 } else { 2 }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Write(message) => write!(f, "{message}"),
            Error::Net(err) => write!(f, "{err}"),
            Error::Failed(n) => write!(f, "{n} request(s) failed (see FAILED above)"),
        }
    }
}

impl std::error::Error for Error {}

/// Runs what `config` asks for, printing as it goes. The `--json` and
/// `--timeline` files are created first, so that a bad path fails before
/// minutes of measuring.
pub fn run(config: &Config) -> Result<Report, Error> {
    let json = config.json.as_deref().map(JsonLines::create).transpose();
    let mut json = json.map_err(Error::Write)?;
    let mut picture = config.timeline.as_deref().map(create).transpose()?;
    let mut report = Report::default();
    if config.workload.has_cpu() {
        report.cpu = cpu_modes(config);
    }
    if config.workload.has_io() && !config.shutdown.is_requested() {
        if !report.cpu.is_empty() {
            say("");
        }
        report.io = Some(net_report::run(&net_config(config)).map_err(Error::Net)?);
    }
    report.stopped = config.shutdown.is_requested();
    if report.stopped {
        say("stopped by Ctrl-C: the modes that ran are summarised above");
    }
    if let Some(json) = &mut json {
        json.write(&records(config, &report)).map_err(Error::Write)?;
    }
    if let Some((path, file)) = &mut picture {
        let svg = picture::draw(&report.cpu).render();
        file.write_all(svg.as_bytes()).map_err(|err| write_error(path, err))?;
    }
    match report.io.as_ref().map_or(0, NetResults::failures) {
        failed if failed > 0 && !report.stopped => Err(Error::Failed(failed)),
        _ => Ok(report),
    }
}

fn create(path: &Path) -> Result<(PathBuf, File), Error> {
    let file = File::create(path).map_err(|err| write_error(path, err))?;
    Ok((path.to_path_buf(), file))
}

fn write_error(path: &Path, err: std::io::Error) -> Error {
    Error::Write(cannot_write(path, err))
}

/// The I/O experiment's settings; the scale-up runs only with every mode.
fn net_config(config: &Config) -> NetConfig {
    NetConfig {
        clients: config.calls,
        wait: config.wait,
        scale: if config.all_modes() { config.scale } else { 0 },
        port: config.port,
        shutdown: config.shutdown,
    }
}

/// Every record of the run: the CPU modes (`calls`), then the I/O parts.
fn records(config: &Config, report: &Report) -> Vec<Record> {
    let loop_wall = observe::loop_wall(&report.cpu);
    let cpu = report.cpu.iter();
    let mut records: Vec<Record> =
        cpu.filter_map(|run| record::of_calls(run, config.limit, loop_wall)).collect();
    if let Some(io) = &report.io {
        records.extend(net_report::records(io, record::RUSTC_VERSION));
    }
    records
}

/// The CPU-bound experiment: each mode in turn (never two at once: the CPU
/// time is the whole process's), then the summary.
fn cpu_modes(config: &Config) -> Vec<ModeRun> {
    let cores = machine::cores();
    report::cpu_intro(config, cores).into_iter().for_each(say);
    let mut runs: Vec<ModeRun> = Vec::new();
    for &mode in &config.modes {
        say("");
        report::header(mode, config, cores).into_iter().for_each(say);
        let one = observe::median_of(config.repeat, || cpu::run(mode, config));
        let baseline = observe::loop_wall(std::slice::from_ref(&one))
            .or_else(|| observe::loop_wall(&runs));
        report::mode_lines(&one, baseline).into_iter().for_each(say);
        let stopped = one.stopped;
        runs.push(one);
        if stopped {
            break;
        }
    }
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
