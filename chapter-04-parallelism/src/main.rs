//! `cargo run -p chapter-04-parallelism -- --help`

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use shared::cli::{self, parse_calls, parse_limit, parse_repeat, parse_workers};
use shared::machine;

use chapter_04_parallelism::algorithm::Algorithm;
use chapter_04_parallelism::run::{self, Config, Pools};
use chapter_04_parallelism::worker;

/// Maps 20 CPU-bound calls onto pools of N threads and of N processes, for
/// N = 1, 2, 4, 8, 20, like the article's `Pool(N).map`; then runs an async
/// loop that stays on time while a pool does the work, and the same calls on
/// the loop itself. Ctrl-C stops it.
#[derive(Debug, Parser)]
#[command(
    version,
    max_term_width = 80,
    allow_negative_numbers = true,
    after_help = "Examples:
  chapter-04-parallelism 4
  chapter-04-parallelism --sweep --pool processes --workers 1,2,3
  chapter-04-parallelism --repeat 3 --pictures book/src/pictures --json runs.jsonl
  chapter-04-parallelism --hybrid --pool threads"
)]
struct Args {
    /// One pool size, as on the article's command line (N = 1 is added).
    #[arg(value_name = "N", value_parser = parse_workers, conflicts_with = "workers")]
    size: Option<usize>,
    /// Pool sizes [default: 1,2,4,8,20; for the hybrid: the core count].
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_workers)]
    workers: Option<Vec<usize>>,
    /// Which kind of pool to run.
    #[arg(long, value_enum, default_value_t = Pools::All)]
    pool: Pools,
    /// Calls mapped onto each pool.
    #[arg(long, value_name = "COUNT", default_value = "20", value_parser = parse_calls)]
    calls: usize,
    /// Size of each call: the product of the integers below LIMIT.
    #[arg(long, default_value_t = shared::workload::DEFAULT_LIMIT, value_parser = parse_limit)]
    limit: u32,
    /// Runs per pool size; the run with the median time is kept.
    #[arg(long, value_name = "RUNS", default_value = "1", value_parser = parse_repeat)]
    repeat: usize,
    /// Only the sweep over pool sizes.
    #[arg(long, conflicts_with = "hybrid")]
    sweep: bool,
    /// Only the hybrid: a tokio loop keeps a heartbeat while a pool computes.
    #[arg(long)]
    hybrid: bool,
    /// Only the algorithms: the loop and a product tree, on 1 core and on all.
    #[arg(long, conflicts_with_all = ["sweep", "hybrid"])]
    algorithms: bool,
    /// How each call computes its product (tree needs --pool threads).
    #[arg(long, value_enum, default_value_t = Algorithm::Loop)]
    algorithm: Algorithm,
    /// Write the pictures (SVG) to DIR: time, speedup, lanes; or algorithms.
    #[arg(long, value_name = "DIR", conflicts_with = "hybrid")]
    pictures: Option<PathBuf>,
    /// Write one JSON record per measured row to PATH.
    #[arg(long, value_name = "PATH")]
    json: Option<PathBuf>,
    /// How long a worker process may take to start or to answer one call.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    worker_timeout: Duration,
    /// The hybrid's heartbeat period.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    heartbeat: Duration,
}

fn main() {
    worker::exit_if_worker();
    let args: Args = cli::parse_or_exit();
    let config = Config {
        sweep: !args.algorithms && !args.hybrid && args.pool != Pools::Loop,
        hybrid: !args.algorithms && !args.sweep,
        workers: args.size.map(|n| vec![n]).or(args.workers).unwrap_or_default(),
        pools: args.pool,
        calls: args.calls,
        limit: args.limit,
        repeat: args.repeat,
        heartbeat: args.heartbeat,
        worker_timeout: args.worker_timeout,
        cores: machine::cores(),
        pictures: args.pictures,
        json: args.json,
        algorithms: args.algorithms,
        algorithm: args.algorithm,
    };
    if let Err(stopped) = run::run(&config) {
        std::process::exit(stopped.exit_code());
    }
}
