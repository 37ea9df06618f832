//! One run of the program, as `main.rs` asks for it: the CPU-bound modes one
//! after another, each printed as it ends, the summary, then the I/O
//! experiments on real sockets ([`crate::net`]), then the `--json` records
//! and the `--timeline` picture.

use std::fmt;
use std::fs::File;
use std::io::Write as _;
use std::path::Path;

use shared::cli::{cannot_write, say};
use shared::record::{JsonLines, Record};

use crate::config::Config;
use crate::net::NetConfig;
use crate::net::report::{self as net_report, NetResults};
use crate::observe::{self, ModeRun, record};
use crate::{cpu, picture, report};

/// Why a run did not end well.
#[derive(Debug)]
pub enum Error {
    /// The run could not start or could not write its files (exit code 2):
    /// a port in use, a path that cannot be written...
    CannotRun(String),
    /// Requests or connections of the I/O experiment failed (exit code 1).
    Failed(usize),
}

impl Error {
    /// The program's exit code for this error.
    pub fn exit_code(&self) -> i32 {
        if matches!(self, Error::Failed(_)) { 1 } else { 2 }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::CannotRun(message) => write!(f, "{message}"),
            Error::Failed(n) => write!(f, "{n} request(s) failed (see FAILED above)"),
        }
    }
}

impl std::error::Error for Error {}

/// Runs what `config` asks for, printing as it goes, until Ctrl-C. The
/// `--json` and `--timeline` files are created first, so that a bad path
/// fails before minutes of measuring.
pub fn run(config: &Config) -> Result<(), Error> {
    let json = config.json.as_deref().map(JsonLines::create).transpose();
    let mut json = json.map_err(Error::CannotRun)?;
    let picture = config.timeline.as_deref().map(create).transpose()?;
    let cpu = if config.workload.has_cpu() { cpu_modes(config) } else { Vec::new() };
    let mut io = None;
    if config.workload.has_io() && !config.shutdown.is_requested() {
        if !cpu.is_empty() {
            say("");
        }
        io = Some(net_report::run(&net_config(config)).map_err(Error::CannotRun)?);
    }
    if config.shutdown.is_requested() {
        say("stopped by Ctrl-C: the modes that ran are summarised above");
    }
    if let Some(json) = &mut json {
        json.write(&records(config, &cpu, io.as_ref())).map_err(Error::CannotRun)?;
    }
    if let Some((path, mut file)) = picture {
        let svg = picture::draw(&cpu).render();
        file.write_all(svg.as_bytes()).map_err(|err| cannot(path, err))?;
    }
    match io.as_ref().map_or(0, NetResults::failures) {
        0 => Ok(()),
        failed => Err(Error::Failed(failed)),
    }
}

fn create(path: &Path) -> Result<(&Path, File), Error> {
    Ok((path, File::create(path).map_err(|err| cannot(path, err))?))
}

fn cannot(path: &Path, err: std::io::Error) -> Error {
    Error::CannotRun(cannot_write(path, err))
}

/// The I/O experiment's settings; the scale-up runs only with every mode.
fn net_config(config: &Config) -> NetConfig {
    NetConfig {
        clients: config.calls,
        wait: config.wait,
        scale: if config.mode.is_none() { config.scale } else { 0 },
        port: config.port,
        shutdown: config.shutdown,
    }
}

/// Every record of the run: the CPU modes (`calls`), then the I/O parts.
fn records(config: &Config, cpu: &[ModeRun], io: Option<&NetResults>) -> Vec<Record> {
    let loop_wall = observe::loop_wall(cpu);
    let calls =
        cpu.iter().filter_map(|run| record::of_calls(run, config.limit, loop_wall));
    let io = io.map(net_report::records);
    calls.chain(io.into_iter().flatten()).collect()
}

/// The CPU-bound experiment: each mode in turn (never two at once: the CPU
/// time is the whole process's), then the summary.
fn cpu_modes(config: &Config) -> Vec<ModeRun> {
    let cores = shared::machine::cores();
    report::cpu_intro(config, cores).into_iter().for_each(say);
    let mut runs: Vec<ModeRun> = Vec::new();
    for &mode in config.modes() {
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
        let (calls, limit) = (config.calls, config.limit);
        let title = format!("Summary of {calls} calls of product_below({limit}):");
        say("");
        report::summary(&title, &runs, observe::loop_wall(&runs))
            .into_iter()
            .for_each(say);
    }
    runs
}
