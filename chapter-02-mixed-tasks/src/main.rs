//! `cargo run -p chapter-02-mixed-tasks -- --help`

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use shared::workload::DEFAULT_LIMIT;
use shared::{cli, format, machine, shutdown};

use chapter_02_mixed_tasks::calibrate::{self, MAX_LIMIT};
use chapter_02_mixed_tasks::jobs::{Jobs, Outcome, Settings};
use chapter_02_mixed_tasks::python;
use chapter_02_mixed_tasks::report::{self, OneCall, Printer, say};
use chapter_02_mixed_tasks::runtimes::{self, Offload, Placement, Runtime};

/// A ticker every 2 seconds, a job with random waits and a chain of CPU-bound
/// steps, together on one event loop, like the article's second asyncio
/// program. Every tick says how late it ran. With --offload the CPU steps
/// leave the loop and the ticks come on time. Ctrl-C stops it with a summary.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Examples:\n  chapter-02-mixed-tasks\n  chapter-02-mixed-tasks --offload --ticks 5\n  chapter-02-mixed-tasks --runtime smol --offload rayon --ticks 5\n  chapter-02-mixed-tasks --runtime tokio-multi-thread --ticks 5\n  chapter-02-mixed-tasks --markdown results.md"
)]
struct Args {
    /// What drives the three jobs.
    #[arg(long, value_enum, default_value_t = Runtime::Tokio)]
    runtime: Runtime,

    /// Run the CPU steps off the loop: on the runtime's own blocking pool
    /// (`--offload` or `--offload pool`) or on rayon (`--offload rayon`).
    #[arg(long, value_enum, value_name = "WHERE", num_args = 0..=1, default_missing_value = "pool")]
    offload: Option<Offload>,

    /// Stop after N ticks [default: run until Ctrl-C; 5 per run with --markdown].
    #[arg(long, value_name = "N", value_parser = parse_ticks)]
    ticks: Option<u64>,

    /// Time from one tick running to the next being due, e.g. 2s, 250ms.
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    interval: Duration,

    /// Size of one CPU step: it multiplies the integers 1..N [default: measured
    /// so that one step takes about 1 s on this machine].
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    limit: Option<u32>,

    /// Seed of the random waits, so that a run can be repeated.
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,

    /// A tick that runs more than this after it was due counts as late.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    late_after: Duration,

    /// Print only the ticks and the summary, not the random waits and CPU steps.
    #[arg(long)]
    only_ticks: bool,

    /// Run every runtime, CPU steps on the loop and off it, one after the
    /// other, and write a Markdown table of the measured tick gaps to PATH.
    #[arg(long, value_name = "PATH")]
    markdown: Option<PathBuf>,
}

fn parse_ticks(text: &str) -> Result<u64, String> {
    cli::parse_count(text, 1_000_000_000)
}

fn parse_limit(text: &str) -> Result<u32, String> {
    cli::parse_count(text, u64::from(MAX_LIMIT)).map(|limit| limit as u32)
}

fn main() {
    let args: Args = cli::parse_or_exit();
    let ctrl_c = shutdown::ctrl_c();
    machine::warn_if_debug_build();

    let limit = args.limit.unwrap_or_else(|| {
        let calibration = calibrate::calibrate(calibrate::TARGET);
        say(format!(
            "Step size: limit {}, so that one step takes about {} here (one call at limit {} took {}; the time grows with the square of the limit).",
            calibration.limit,
            format::duration(calibrate::TARGET),
            calibration.probe_limit,
            format::duration(calibration.probe_took)
        ));
        calibration.limit
    });
    let settings = Settings {
        runtime: args.runtime,
        placement: args.offload.map_or(Placement::OnLoop, Placement::Off),
        interval: args.interval,
        ticks: args.ticks,
        limit,
        seed: args.seed,
        late_after: args.late_after,
        printer: Printer {
            show_ticks: true,
            show_tasks: !args.only_ticks,
            late_after: args.late_after,
        },
    };

    let result = match &args.markdown {
        None => run_once(settings, ctrl_c).map(|_| ()),
        Some(path) => compare_all(
            Settings { ticks: settings.ticks.or(Some(5)), ..settings },
            ctrl_c,
        )
        .and_then(|outcomes| write_markdown(path, &outcomes, &one_call())),
    };
    if let Err(message) = result {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

/// Runs the jobs once with `settings`, printing the header, the events and the summary.
fn run_once(
    settings: Settings,
    ctrl_c: &'static shutdown::Shutdown,
) -> Result<Outcome, String> {
    say(report::header(settings.runtime, settings.placement));
    say(format!(
        "A tick every {} (each due one interval after the previous one ran), random waits of up to {} (seed {}), CPU steps of limit {}. {}",
        format::duration(settings.interval),
        format::duration(settings.interval / 2),
        settings.seed,
        settings.limit,
        match settings.ticks {
            Some(n) => format!("Stops after {n} ticks."),
            None => "Ctrl-C stops it.".to_string(),
        }
    ));
    say(format!(
        "A tick is LATE when it runs more than {} after it was due: far above a free loop's timer jitter, far below one CPU step.",
        format::duration(settings.late_after)
    ));
    let jobs = Jobs::new(settings, ctrl_c);
    let outcome = match settings.runtime {
        Runtime::Tokio => runtimes::tokio::run(&jobs),
        Runtime::AsyncStd => runtimes::async_std::run(&jobs),
        Runtime::Smol => runtimes::smol::run(&jobs),
        Runtime::TokioMultiThread => runtimes::tokio_multi_thread::run(&jobs),
    }?;
    report::summary(&outcome).into_iter().for_each(say);
    Ok(outcome)
}

/// Every runtime with the steps on the loop and on its blocking pool, then
/// rayon from tokio: the book's table.
fn compare_all(
    settings: Settings,
    ctrl_c: &'static shutdown::Shutdown,
) -> Result<Vec<Outcome>, String> {
    let mut plan: Vec<(Runtime, Placement)> = Runtime::ALL
        .iter()
        .flat_map(|&runtime| {
            [(runtime, Placement::OnLoop), (runtime, Placement::Off(Offload::Pool))]
        })
        .collect();
    plan.push((Runtime::Tokio, Placement::Off(Offload::Rayon)));
    let mut outcomes = Vec::new();
    for (runtime, placement) in plan {
        if ctrl_c.is_requested() {
            return Err("stopped by Ctrl-C before every run was done; nothing written"
                .to_string());
        }
        outcomes.push(run_once(Settings { runtime, placement, ..settings }, ctrl_c)?);
        say(String::new());
    }
    Ok(outcomes)
}

/// One call at the article's size, timed in this build and in `python3`.
fn one_call() -> OneCall {
    say(format!(
        "Timing one call at limit {DEFAULT_LIMIT} in Rust and in python3 (if there is one)..."
    ));
    OneCall {
        limit: DEFAULT_LIMIT,
        rust: calibrate::calibrate(calibrate::TARGET).probe_took,
        python: python::time_one_call(DEFAULT_LIMIT, 3),
    }
}

fn write_markdown(
    path: &PathBuf,
    outcomes: &[Outcome],
    one_call: &OneCall,
) -> Result<(), String> {
    std::fs::write(path, report::markdown(outcomes, one_call))
        .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
