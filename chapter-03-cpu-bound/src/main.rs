//! `cargo run -p chapter-03-cpu-bound -- --help`

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use shared::{cli, machine, shutdown};

use chapter_03_cpu_bound::cpu::CpuSettings;
use chapter_03_cpu_bound::modes::{self, Kind, Mode, ModeReport};
use chapter_03_cpu_bound::net::{self, NetConfig};
use chapter_03_cpu_bound::report::{self, Setup};

/// Runs 20 CPU-bound calls (the article's workload) on an event loop, on 20
/// threads, on 20 threads under a model of Python's GIL, and as async tasks on
/// a multi-threaded runtime, and compares them. `--workload io` runs the
/// I/O-bound contrast instead.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Examples:\n  chapter-03-cpu-bound\n  chapter-03-cpu-bound gil --calls 4\n  chapter-03-cpu-bound --workload io --scale 10000\n  chapter-03-cpu-bound --workload both --repeat 5 --markdown results.md"
)]
struct Args {
    /// Which way to run the jobs.
    #[arg(value_enum, default_value_t = Selection::All)]
    mode: Selection,

    /// CPU-bound calls, jobs that wait (I/O), or both, one after the other.
    #[arg(long, value_enum, default_value_t = Workload::Cpu)]
    workload: Workload,

    /// How many calls (or jobs) each mode runs.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = parse_calls, allow_hyphen_values = true)]
    calls: u64,

    /// Each call multiplies the integers in 1..LIMIT (the article's limite).
    #[arg(long, value_name = "LIMIT", default_value_t = u64::from(shared::workload::DEFAULT_LIMIT), value_parser = parse_limit, allow_hyphen_values = true)]
    limit: u64,

    /// The GIL model's switch interval (CPython's default is 5 ms).
    #[arg(long, value_name = "DURATION", default_value = "5ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    switch_interval: Duration,

    /// How long the I/O experiment's service waits before it answers.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    wait: Duration,

    /// Connections the I/O scale-up opens as tasks, then as threads (all modes only).
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = parse_scale, allow_hyphen_values = true)]
    scale: u64,

    /// The port the I/O experiment's service listens on (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    port: u16,

    /// Runs each mode N times and reports the run with the median wall time.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = parse_repeat, allow_hyphen_values = true)]
    repeat: u64,

    /// Also writes the results as a Markdown fragment (for the book) to PATH.
    #[arg(long, value_name = "PATH")]
    markdown: Option<PathBuf>,
}

/// Every mode, or one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Selection {
    /// Every mode, one after another.
    All,
    /// On one event loop, one call after another.
    Loop,
    /// On one OS thread per call.
    Threads,
    /// On one OS thread per call, under a model of Python's GIL.
    Gil,
    /// As async tasks on a multi-threaded runtime.
    Tasks,
}

/// Which experiment to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Workload {
    /// CPU-bound calls of the workload (the article's experiment).
    Cpu,
    /// Requests to a slow service on 127.0.0.1, 10 000 connections, files.
    Io,
    /// Both, the CPU-bound experiment first.
    Both,
}

fn parse_calls(text: &str) -> Result<u64, String> {
    cli::parse_count(text, 1_000)
}

fn parse_limit(text: &str) -> Result<u64, String> {
    cli::parse_count(text, 1_000_000)
}

fn parse_scale(text: &str) -> Result<u64, String> {
    cli::parse_count(text, 100_000)
}

fn parse_repeat(text: &str) -> Result<u64, String> {
    cli::parse_count(text, 100)
}

fn main() {
    // Re-run as the I/O experiment's slow service (a child process)?
    if let Some(code) = net::service::serve_if_asked() {
        std::process::exit(code);
    }
    let args: Args = cli::parse_or_exit();
    let ctrl_c = shutdown::ctrl_c();
    machine::warn_if_debug_build();

    let modes: Vec<Mode> = match args.mode {
        Selection::All => Mode::ALL.to_vec(),
        Selection::Loop => vec![Mode::Loop],
        Selection::Threads => vec![Mode::Threads],
        Selection::Gil => vec![Mode::Gil],
        Selection::Tasks => vec![Mode::Tasks],
    };
    let setup = Setup {
        jobs: args.calls as usize,
        limit: args.limit as u32,
        wait: args.wait,
        switch_interval: args.switch_interval,
        repeat: args.repeat as usize,
    };
    let cores = machine::cores();
    let runs = if setup.repeat > 1 {
        format!(", median of {} runs each", setup.repeat)
    } else {
        String::new()
    };

    let (mut cpu, io, scaled) = (Vec::new(), Vec::new(), Vec::new());
    if matches!(args.workload, Workload::Cpu | Workload::Both) {
        say(format!(
            "CPU-bound: {} calls of product_below({}){}{runs}, on {} core{}.",
            setup.jobs,
            setup.limit,
            if modes.len() > 1 {
                " in each mode, the modes one after another"
            } else {
                ""
            },
            cores,
            if cores == 1 { "" } else { "s" }
        ));
        let settings = CpuSettings {
            calls: setup.jobs,
            limit: setup.limit,
            switch_interval: setup.switch_interval,
            shutdown: ctrl_c,
        };
        cpu = run_modes(&modes, Kind::Cpu, &setup, cores, |mode| {
            modes::run_cpu(mode, &settings)
        });
        let title =
            format!("Summary of {} calls of product_below({}):", setup.jobs, setup.limit);
        summarise(&title, Kind::Cpu, &cpu, &setup);
    }
    let mut net_failures = 0;
    if matches!(args.workload, Workload::Io | Workload::Both) && !ctrl_c.is_requested() {
        if !cpu.is_empty() {
            say(String::new());
        }
        let scale = if args.mode == Selection::All { args.scale as usize } else { 0 };
        let config = NetConfig {
            clients: setup.jobs,
            wait: setup.wait,
            scale,
            port: args.port,
            shutdown: ctrl_c,
        };
        match net::report::run(&config) {
            Ok(results) => net_failures = results.failures(),
            Err(err) => cli::fail(err),
        }
    }
    if ctrl_c.is_requested() {
        say("stopped by Ctrl-C: the modes that ran are summarised above".to_string());
    }

    if let Some(path) = &args.markdown {
        let command = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
        let command = format!("cargo run --release -p chapter-03-cpu-bound -- {command}");
        let text = report::markdown(command.trim_end(), &setup, &cpu, &io, &scaled);
        if let Err(err) = std::fs::write(path, text) {
            eprintln!("error: cannot write {}: {err}", path.display());
            std::process::exit(1);
        }
        eprintln!("wrote {}", path.display());
    }
    if net_failures > 0 {
        eprintln!("error: {net_failures} request(s) failed (see FAILED above)");
        std::process::exit(1);
    }
}

/// Runs each mode in turn (never two at once: the CPU time is the whole
/// process's), printing its header before and its lines after.
fn run_modes(
    modes: &[Mode],
    kind: Kind,
    setup: &Setup,
    cores: usize,
    mut run: impl FnMut(Mode) -> ModeReport,
) -> Vec<ModeReport> {
    let mut reports: Vec<ModeReport> = Vec::new();
    for &mode in modes {
        say(format!("\n{}", report::header(mode, kind, setup, cores)));
        let report = modes::median_of(setup.repeat, || run(mode));
        let baseline = report::baseline(kind, std::slice::from_ref(&report), setup)
            .or_else(|| report::baseline(kind, &reports, setup));
        report::mode_lines(&report, baseline)
            .into_iter()
            .for_each(|line| say(format!("  {line}")));
        let stopped = report.stopped;
        reports.push(report);
        if stopped {
            break;
        }
    }
    reports
}

fn summarise(title: &str, kind: Kind, reports: &[ModeReport], setup: &Setup) {
    if reports.len() < 2 {
        return;
    }
    say(String::new());
    let baseline = report::baseline(kind, reports, setup);
    report::summary(title, reports, baseline).into_iter().for_each(say);
}

/// Prints a line; a closed stdout (`| head`) is not an error worth a panic.
fn say(line: String) {
    let _ = writeln!(io::stdout(), "{line}");
}
