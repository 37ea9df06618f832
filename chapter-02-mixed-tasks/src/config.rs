//! The command line: what one invocation asks for. `main.rs` parses it and
//! hands it to [`crate::run()`].

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use shared::cli::{parse_calls, parse_duration, parse_limit, parse_ticks};

use crate::place::Place;
use crate::runtimes::Runtime;

/// A ticker every 2 seconds, a job with random waits and a chain of CPU-bound
/// steps, together on one event loop, like the article's second asyncio
/// program. Every tick says how late it ran. With --offload the CPU steps
/// leave the loop and the ticks come on time. Ctrl-C stops it with a summary.
#[derive(Debug, Clone, Parser)]
#[command(version, max_term_width = 80, after_help = EXAMPLES)]
pub struct Config {
    /// What drives the three jobs.
    #[arg(long, value_enum, default_value_t = Runtime::Tokio)]
    pub runtime: Runtime,

    /// Run the CPU steps off the loop: on the runtime's own blocking pool
    /// (`--offload` or `--offload pool`) or on rayon (`--offload rayon`).
    #[arg(long, value_name = "WHERE", num_args = 0..=1, default_missing_value = "pool", value_parser = offload_places())]
    pub offload: Option<Place>,

    /// Run every runtime, CPU steps on the loop then off the loop, one run
    /// after the other (then tokio with rayon).
    #[arg(long, conflicts_with_all = ["runtime", "offload"])]
    pub all_runtimes: bool,

    /// Stop each run after N ticks [default: run until Ctrl-C; 5 per run
    /// with --all-runtimes].
    #[arg(long, value_name = "N", value_parser = parse_ticks)]
    pub ticks: Option<u64>,

    /// Time from one tick running to the next being due, e.g. 2s, 250ms.
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub interval: Duration,

    /// Size of one CPU step: it multiplies the integers 1..N [default:
    /// measured so that one step takes about 1.5 s on this machine].
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<u32>,

    /// Seed of the random waits, so that a run can be repeated.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,

    /// Print only the ticks and the summary, not the random waits and CPU steps.
    #[arg(long)]
    pub only_ticks: bool,

    /// Also write one JSON record per finished run to PATH (JSON lines, the
    /// form the book's tables are made from).
    #[arg(long, value_name = "PATH")]
    pub json: Option<PathBuf>,

    /// Also draw the runs as an SVG timeline in DIR (created if missing), as
    /// chapter-02-mixed-tasks-timeline.svg (with --all-runtimes: tokio
    /// blocked, offloaded, and the multi-thread trap).
    #[arg(long, value_name = "DIR")]
    pub pictures: Option<PathBuf>,

    // Where should CPU work go? (the places and the slow-poll detector)
    /// Warn on stderr when one poll of a task holds the loop longer than
    /// DURATION, naming the task, like asyncio's debug mode [default when
    /// given without a value: 100ms].
    #[arg(long, value_name = "DURATION", num_args = 0..=1, default_missing_value = "100ms", value_parser = parse_duration)]
    pub warn_slow: Option<Duration>,

    /// Measure the places for CPU steps side by side: a burst of steps
    /// beside a ticker on one tokio loop, for each place of --places; one
    /// table of tick lateness, throughput, threads started, slow polls, and
    /// what a panicking step does.
    #[arg(long, conflicts_with_all = ["runtime", "offload", "all_runtimes", "pictures", "json"])]
    pub compare_places: bool,

    /// The places --compare-places measures, comma-separated [default: all].
    #[arg(
        long,
        value_enum,
        value_name = "PLACES",
        value_delimiter = ',',
        requires = "compare_places"
    )]
    pub places: Vec<Place>,

    /// Steps --compare-places submits at once.
    #[arg(long, value_name = "N", default_value_t = 40, value_parser = parse_calls)]
    pub burst: usize,
}

/// What `--help` shows after the flags.
const EXAMPLES: &str = "Examples:\n  chapter-02-mixed-tasks\n  chapter-02-mixed-tasks --offload --ticks 5\n  chapter-02-mixed-tasks --runtime smol --offload rayon --ticks 5\n  chapter-02-mixed-tasks --runtime tokio-multi-thread --ticks 5\n  chapter-02-mixed-tasks --all-runtimes --ticks 5 --json runs.jsonl\n  chapter-02-mixed-tasks --ticks 2 --warn-slow\n  chapter-02-mixed-tasks --compare-places";

/// The places `--offload` takes: the two every runtime can await.
fn offload_places() -> impl TypedValueParser<Value = Place> {
    let pool = PossibleValue::new("pool")
        .help("the runtime's own pool for blocking work (spawn_blocking, unblock)");
    let rayon = PossibleValue::new("rayon")
        .help("rayon's thread pool, answering through a oneshot channel");
    PossibleValuesParser::new([pool, rayon]).map(|name| match name.as_str() {
        "rayon" => Place::Rayon,
        _ => Place::BlockingPool,
    })
}
