//! The command line: what one run is asked to do. `main.rs` parses it and
//! hands it to [`crate::run::run`].

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use shared::cli;

use crate::algorithm::Algorithm;
use crate::place::Place;

/// Maps 20 CPU-bound calls onto pools of N threads and of N processes, for
/// N = 1, 2, 4, 8, 20, like the article's `Pool(N).map`; then runs an async
/// loop that stays on time while a pool does the work, and the same calls on
/// the loop itself. Ctrl-C stops it.
#[derive(Debug, Clone, Parser)]
#[command(
    version,
    max_term_width = 80,
    allow_negative_numbers = true,
    after_help = "Examples:
  chapter-04-parallelism 4
  chapter-04-parallelism --sweep --pool processes --workers 1,2,3
  chapter-04-parallelism --repeat 3 --pictures book/src/pictures --json runs.jsonl
  chapter-04-parallelism --hybrid --pool threads --tick 50ms"
)]
pub struct Config {
    /// One pool size, as on the article's command line (N = 1 is added).
    #[arg(value_name = "N", value_parser = cli::parse_workers, conflicts_with = "workers")]
    pub size: Option<usize>,
    /// Pool sizes, comma-separated [default: 1,2,4,8,20; for the hybrid:
    /// the core count].
    #[arg(long, value_name = "N", value_delimiter = ',', value_parser = cli::parse_workers)]
    pub workers: Option<Vec<usize>>,
    /// Which kind of pool to run.
    #[arg(long, value_enum, default_value_t = PoolChoice::All)]
    pub pool: PoolChoice,
    /// Calls mapped onto each pool.
    #[arg(long, value_name = "N", default_value = "20", value_parser = cli::parse_calls)]
    pub calls: usize,
    /// Size of each call: the product of the integers below LIMIT.
    #[arg(long, value_name = "LIMIT", default_value_t = shared::workload::DEFAULT_LIMIT, value_parser = cli::parse_limit)]
    pub limit: u32,
    /// Runs per pool size; the run with the median time is kept.
    #[arg(long, value_name = "N", default_value = "1", value_parser = cli::parse_repeat)]
    pub repeat: usize,
    /// Only the sweep over pool sizes.
    #[arg(long, conflicts_with = "hybrid")]
    pub sweep: bool,
    /// Only the hybrid: a tokio loop's ticker ticks while a pool computes.
    #[arg(long)]
    pub hybrid: bool,
    /// Only the algorithms: the loop and a product tree, on 1 core and on all.
    #[arg(long, conflicts_with_all = ["sweep", "hybrid"])]
    pub algorithms: bool,
    /// How each call computes its product, on any pool.
    #[arg(long, value_enum, default_value_t = Algorithm::Loop)]
    pub algorithm: Algorithm,
    /// Write the pictures (SVG) to DIR, created if missing: time, speedup,
    /// lanes; or algorithms.
    #[arg(long, value_name = "DIR", conflicts_with = "hybrid")]
    pub pictures: Option<PathBuf>,
    /// Write one JSON record per measured row to PATH.
    #[arg(long, value_name = "PATH")]
    pub json: Option<PathBuf>,
    /// How long a worker process may take to start or to answer one call.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    pub worker_timeout: Duration,
    /// How often the hybrid's ticker ticks.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    pub tick: Duration,
    /// Cores of the machine (or of `COURSE_CORES`); not a flag.
    #[arg(skip = shared::machine::cores())]
    pub cores: usize,
}

/// Which places a run uses, as `--pool` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PoolChoice {
    /// Threads, processes, and for the hybrid the loop itself too.
    All,
    /// Threads first, then processes.
    Both,
    /// A rayon pool of N threads.
    Threads,
    /// N worker processes (this program, re-run).
    Processes,
    /// Only the hybrid, its calls on the loop itself (the mistake).
    Loop,
}

impl Config {
    /// Whether the sweep runs: unless another part was asked for alone.
    pub fn runs_sweep(&self) -> bool {
        !self.algorithms && !self.hybrid && self.pool != PoolChoice::Loop
    }

    /// Whether the hybrid runs: unless another part was asked for alone.
    pub fn runs_hybrid(&self) -> bool {
        !self.algorithms && !self.sweep
    }

    /// Where the sweep runs its calls, in order: the pools asked for.
    pub fn sweep_places(&self) -> Vec<Place> {
        match self.pool {
            PoolChoice::All | PoolChoice::Both => vec![Place::Threads, Place::Processes],
            PoolChoice::Threads => vec![Place::Threads],
            PoolChoice::Processes => vec![Place::Processes],
            PoolChoice::Loop => vec![],
        }
    }

    /// Where the hybrid's calls run, in order: each pool, then the loop.
    pub fn hybrid_places(&self) -> Vec<Place> {
        let mut places = self.sweep_places();
        if matches!(self.pool, PoolChoice::All | PoolChoice::Loop) {
            places.push(Place::Loop);
        }
        places
    }

    /// The sweep's sizes: those asked for, or the article's 1, 2, 4, 8, 20;
    /// sorted, and N = 1 first, since speedups are measured against it.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = self.asked().unwrap_or_else(|| vec![1, 2, 4, 8, 20]);
        sizes.push(1);
        sizes.sort_unstable();
        sizes.dedup();
        sizes
    }

    /// The hybrid's pool size: the one N asked for, or the core count.
    pub fn hybrid_workers(&self) -> usize {
        match self.asked().as_deref() {
            Some([n]) => *n,
            _ => self.cores,
        }
    }

    /// What clap cannot check: bad input, exit code 2.
    pub fn check(&self) -> Result<(), &'static str> {
        let many = self.asked().is_some_and(|sizes| sizes.len() > 1);
        if many && self.runs_hybrid() && !self.runs_sweep() {
            Err("--hybrid runs one pool size: give one N")
        } else {
            Ok(())
        }
    }

    fn asked(&self) -> Option<Vec<usize>> {
        self.size.map(|n| vec![n]).or_else(|| self.workers.clone())
    }
}
