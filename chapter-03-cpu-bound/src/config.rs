//! What one run of the program is asked to do: the [`Config`] that `main.rs`
//! builds from the command line and every mode reads.

use std::path::PathBuf;
use std::time::Duration;

use shared::shutdown::Shutdown;

use crate::observe::Mode;

/// Which experiment to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Workload {
    /// CPU-bound calls of the workload (the article's experiment).
    Cpu,
    /// Requests to a slow service on 127.0.0.1, 10 000 connections, files.
    Io,
    /// Both, the CPU-bound experiment first.
    Both,
}

impl Workload {
    /// Whether the CPU-bound calls run.
    pub fn has_cpu(self) -> bool {
        matches!(self, Workload::Cpu | Workload::Both)
    }

    /// Whether the I/O-bound contrast runs.
    pub fn has_io(self) -> bool {
        matches!(self, Workload::Io | Workload::Both)
    }
}

/// Everything a run needs, read by every mode.
#[derive(Debug, Clone)]
pub struct Config {
    /// The modes to run, one after another.
    pub modes: Vec<Mode>,
    /// CPU-bound calls, waiting jobs, or both.
    pub workload: Workload,
    /// How many calls (or I/O clients) each mode runs.
    pub calls: usize,
    /// Each call multiplies the integers in `1..limit`.
    pub limit: u32,
    /// The GIL model's switch interval.
    pub switch_interval: Duration,
    /// How long the I/O experiment's service waits before it answers.
    pub wait: Duration,
    /// Connections the I/O scale-up opens (all modes only).
    pub scale: usize,
    /// The port the I/O experiment's service listens on (0: any free port).
    pub port: u16,
    /// Runs per mode; the run with the median wall time is kept.
    pub repeat: usize,
    /// Where to write one JSON record per measured mode, if anywhere.
    pub json: Option<PathBuf>,
    /// Where to draw the CPU-bound modes as an SVG timeline, if anywhere.
    pub timeline: Option<PathBuf>,
    /// Ctrl-C: every call checks it between multiplications.
    pub shutdown: &'static Shutdown,
}

impl Config {
    /// Whether every mode runs (the scale-up runs only then).
    pub fn all_modes(&self) -> bool {
        self.modes == Mode::ALL
    }
}
