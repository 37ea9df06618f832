//! `cargo run -p chapter-03-cpu-bound -- --help`

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use shared::{cli, machine, shutdown};

use chapter_03_cpu_bound::net;
use chapter_03_cpu_bound::observe::Mode;
use chapter_03_cpu_bound::{Config, Workload};

/// Runs 20 CPU-bound calls (the article's workload) on an event loop, on 20
/// threads, on 20 threads under a model of Python's GIL, and as async tasks on
/// a multi-threaded runtime, and compares them. `--workload io` runs the
/// I/O-bound contrast instead.
#[derive(Debug, Parser)]
#[command(
    version,
    max_term_width = 80,
    after_help = "Examples:\n  chapter-03-cpu-bound\n  chapter-03-cpu-bound gil --calls 4\n  chapter-03-cpu-bound --workload io --scale 10000\n  chapter-03-cpu-bound --workload both --repeat 5 --json runs.jsonl"
)]
struct Args {
    /// Which way to run the calls [default: every mode, one after another].
    #[arg(value_enum)]
    mode: Option<Mode>,

    /// CPU-bound calls, requests to a slow service (I/O), or both.
    #[arg(long, value_enum, default_value_t = Workload::Cpu)]
    workload: Workload,

    /// How many calls (or I/O clients) each mode runs.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = cli::parse_calls, allow_hyphen_values = true)]
    calls: usize,

    /// Each call multiplies the integers in 1..LIMIT (the article's limite).
    #[arg(long, value_name = "LIMIT", default_value_t = shared::workload::DEFAULT_LIMIT, value_parser = cli::parse_limit, allow_hyphen_values = true)]
    limit: u32,

    /// The GIL model's switch interval (CPython's default is 5 ms).
    #[arg(long, value_name = "DURATION", default_value = "5ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    switch_interval: Duration,

    /// How long the I/O experiment's service waits before it answers.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    wait: Duration,

    /// Connections the I/O scale-up opens as tasks, then as threads (all modes only).
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = |text: &str| cli::parse_count(text, 100_000), allow_hyphen_values = true)]
    scale: u64,

    /// The port the I/O experiment's service listens on (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    port: u16,

    /// Runs each mode N times and reports the run with the median wall time.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = cli::parse_repeat, allow_hyphen_values = true)]
    repeat: usize,

    /// Writes one JSON line (a shared::record::Record) per CPU mode to PATH.
    #[arg(long, value_name = "PATH")]
    json: Option<PathBuf>,

    /// Draws the CPU modes as they ran (with --repeat, the median runs) as
    /// an SVG timeline at PATH.
    #[arg(long, value_name = "PATH")]
    timeline: Option<PathBuf>,
}

fn main() {
    // Re-run as the I/O experiment's slow service (a child process)?
    if let Some(code) = net::service::serve_if_asked() {
        std::process::exit(code);
    }
    let args: Args = cli::parse_or_exit();
    let config = Config {
        modes: args.mode.map_or(Mode::ALL.to_vec(), |mode| vec![mode]),
        workload: args.workload,
        calls: args.calls,
        limit: args.limit,
        switch_interval: args.switch_interval,
        wait: args.wait,
        scale: args.scale as usize,
        port: args.port,
        repeat: args.repeat,
        json: args.json,
        timeline: args.timeline,
        shutdown: shutdown::ctrl_c(),
    };
    machine::warn_if_debug_build();
    match chapter_03_cpu_bound::run(&config) {
        Ok(report) if report.stopped => std::process::exit(shutdown::EXIT_INTERRUPTED),
        Ok(_) => {}
        Err(err) if err.exit_code() == 2 => cli::fail(err),
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(err.exit_code());
        }
    }
}
