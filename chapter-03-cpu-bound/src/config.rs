//! The command line: what one run is asked to do. `main.rs` parses it into a
//! [`Config`] and hands it to `run`, the Ctrl-C handle beside it.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use shared::cli;

use crate::place::Place;

/// Runs 20 CPU-bound calls (the article's workload) on an event loop, on 20
/// threads, on 20 threads under a model of Python's GIL, and as async tasks on
/// a multi-threaded runtime, and compares them. `--workload io` runs the
/// I/O-bound contrast instead.
#[derive(Debug, Clone, Parser)]
#[command(
    version,
    max_term_width = 80,
    allow_negative_numbers = true,
    after_help = "Examples:
  chapter-03-cpu-bound
  chapter-03-cpu-bound gil --calls 4
  chapter-03-cpu-bound --workload io --scale 10000
  chapter-03-cpu-bound --workload both --repeat 5 --json runs.jsonl"
)]
pub struct Config {
    /// Where to run the calls [default: every place, one after another].
    #[arg(value_enum, value_name = "PLACE")]
    pub place: Option<Place>,
    /// CPU-bound calls, requests to a slow service (I/O), or both.
    #[arg(long, value_enum, default_value_t = Workload::Cpu)]
    pub workload: Workload,
    /// How many calls (or I/O clients) each place runs.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = cli::parse_calls)]
    pub calls: usize,
    /// Each call multiplies the integers in 1..LIMIT (the article's limite).
    #[arg(long, value_name = "LIMIT", default_value_t = shared::workload::DEFAULT_LIMIT, value_parser = cli::parse_limit)]
    pub limit: u32,
    /// The GIL model's switch interval (CPython's default is 5 ms).
    #[arg(long, value_name = "DURATION", default_value = "5ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    pub switch_interval: Duration,
    /// How long the I/O experiment's service waits before it answers.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    pub wait: Duration,
    /// Connections the I/O scale-up opens as tasks, then as threads (all places only).
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = parse_scale)]
    pub scale: usize,
    /// The port the I/O experiment's service listens on (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub port: u16,
    /// Runs each place N times and reports the run with the median wall time.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = cli::parse_repeat)]
    pub repeat: usize,
    /// Writes one JSON line (a shared::record::Record) per measured place to PATH.
    #[arg(long, value_name = "PATH")]
    pub json: Option<PathBuf>,
    /// Draws the CPU-bound places as they ran (with --repeat, the median
    /// runs) as an SVG timeline in DIR (created if missing):
    /// chapter-03-cpu-bound-timeline.svg.
    #[arg(long, value_name = "DIR")]
    pub pictures: Option<PathBuf>,
}

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

impl Config {
    /// The places to run, one after another: the one asked for, or all.
    pub fn places(&self) -> &[Place] {
        match &self.place {
            Some(place) => std::slice::from_ref(place),
            None => &Place::ALL,
        }
    }
}

fn parse_scale(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 100_000).map(|n| n as usize)
}
