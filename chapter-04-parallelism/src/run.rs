//! One run of the program, as `main` asks for it: the sweep, then the
//! hybrid on each pool and on the loop, printed as they go, and the records
//! and pictures written at the end.

use std::path::PathBuf;
use std::time::Duration;

use shared::cli::say;
use shared::record::Record;
use shared::shutdown::{self, Shutdown};

use crate::algorithm::{self, Algorithm};
use crate::call::Call;
use crate::hybrid::{self, HybridConfig, Runner};
use crate::observe::{self, records, rows};
use crate::pool_error::PoolError;
use crate::sweep::{self, PoolKind, Progress, SweepConfig};
use crate::{pictures, report};

/// Everything one run needs, parsed from the command line.
#[derive(Debug, Clone)]
pub struct Config {
    /// Run the sweep over pool sizes.
    pub sweep: bool,
    /// Run the hybrid: a loop that hands its calls to a pool.
    pub hybrid: bool,
    /// The pool sizes asked for (none: the defaults).
    pub workers: Vec<usize>,
    /// The pools to run (and whether the hybrid also runs on the loop).
    pub pools: Pools,
    /// Calls per pool, and the size of each.
    pub calls: usize,
    /// Each call is `product_below(limit)`.
    pub limit: u32,
    /// Runs per pool size; the median is kept.
    pub repeat: usize,
    /// The hybrid's heartbeat period.
    pub heartbeat: Duration,
    /// How long a worker process may take to start or to answer.
    pub worker_timeout: Duration,
    /// Cores of the machine (or of `COURSE_CORES`).
    pub cores: usize,
    /// The folder where the run's pictures (SVG) are written.
    pub pictures: Option<PathBuf>,
    /// Where to write one `shared::record::Record` per measured row.
    pub json: Option<PathBuf>,
    /// Run the algorithms instead: loop and product tree, 1 core and all.
    pub algorithms: bool,
    /// How each call of the sweep and the hybrid computes its product.
    pub algorithm: Algorithm,
}

/// Which pools a run uses, as `--pool` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Pools {
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

impl Pools {
    /// The kinds of pool, in the order they run.
    pub fn kinds(self) -> Vec<PoolKind> {
        match self {
            Pools::All | Pools::Both => vec![PoolKind::Threads, PoolKind::Processes],
            Pools::Threads => vec![PoolKind::Threads],
            Pools::Processes => vec![PoolKind::Processes],
            Pools::Loop => vec![],
        }
    }

    /// Whether the hybrid also runs its calls on the loop.
    pub fn on_loop(self) -> bool {
        matches!(self, Pools::All | Pools::Loop)
    }
}

/// The sweep's sizes: `asked`, or the article's 1, 2, 4, 8, 20; sorted, and
/// N = 1 first, since speedups are measured against it.
pub fn sweep_sizes(asked: &[usize]) -> Vec<usize> {
    let mut sizes = if asked.is_empty() { vec![1, 2, 4, 8, 20] } else { asked.to_vec() };
    sizes.push(1);
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// The hybrid's pool size: the one N asked for, or the core count.
pub fn hybrid_workers(asked: &[usize], cores: usize) -> Result<usize, Stopped> {
    match asked {
        [] => Ok(cores),
        [n] => Ok(*n),
        _ => Err(Stopped::BadInput("--hybrid runs one pool size: give one N")),
    }
}

/// This program, started again as each worker process.
fn this_program() -> Result<PathBuf, Stopped> {
    std::env::current_exe()
        .map_err(|err| Stopped::Failed(format!("cannot find this program: {err}")))
}

/// Why a run ended before its end.
#[derive(Debug)]
pub enum Stopped {
    /// Ctrl-C: the caller exits with 130.
    Interrupted,
    /// A pool failed, or a file could not be written: the message says why.
    Failed(String),
    /// Options that cannot run together: the caller exits with 2.
    BadInput(&'static str),
}

impl Stopped {
    /// The exit code, after saying why on stderr: 130 for Ctrl-C, else 1.
    pub fn exit_code(self) -> i32 {
        match self {
            Stopped::Interrupted => shutdown::EXIT_INTERRUPTED,
            Stopped::Failed(message) => {
                eprintln!("error: {message}");
                1
            }
            Stopped::BadInput(message) => {
                eprintln!("error: {message}");
                2
            }
        }
    }
}

/// Runs what `config` asks for, printing as it goes.
pub fn run(config: &Config) -> Result<(), Stopped> {
    if config.algorithm != Algorithm::Loop && config.pools != Pools::Threads {
        let why = "--algorithm tree and parallel-tree run on threads: add --pool threads";
        return Err(Stopped::BadInput(why));
    }
    let hybrid_workers = match hybrid_workers(&config.workers, config.cores) {
        Err(bad) if !config.sweep && config.hybrid => return Err(bad),
        found => found.unwrap_or(config.cores),
    };
    let sizes = sweep_sizes(&config.workers);
    shared::machine::warn_if_debug_build();
    let stop = shutdown::ctrl_c();
    algorithm::choose(config.algorithm);
    let mut records = Vec::new();
    if config.algorithms {
        records.extend(run_algorithms(config)?);
    }
    if config.sweep {
        records.extend(run_sweep(config, &sizes, stop)?);
    }
    if config.hybrid {
        let mut runners: Vec<Runner> =
            config.pools.kinds().into_iter().map(Runner::Pool).collect();
        if config.pools.on_loop() {
            runners.push(Runner::Loop);
        }
        for runner in runners {
            records.push(run_hybrid(config, hybrid_workers, runner, stop)?);
        }
    }
    if let Some(path) = &config.json {
        let lines: String = records.iter().map(|r| r.to_json_line() + "\n").collect();
        std::fs::write(path, lines).map_err(|err| {
            Stopped::Failed(format!("cannot write {}: {err}", path.display()))
        })?;
    }
    Ok(())
}

fn run_algorithms(config: &Config) -> Result<Vec<Record>, Stopped> {
    let (calls, limit, cores) = (config.calls, config.limit, config.cores);
    say(format!("Algorithm or cores? {calls} calls of the product below {limit},"));
    say(format!("by the loop and by a product tree, on 1 core and on {cores}."));
    let rows = algorithm::compare(calls, limit, cores, |row| {
        say(algorithm::row_line(row, cores))
    })
    .map_err(|err| Stopped::Failed(format!("cannot build a thread pool: {err}")))?;
    say("");
    algorithm::table(&rows, cores).into_iter().for_each(say);
    say("");
    algorithm::summary(&rows, cores).into_iter().for_each(say);
    if let Some(folder) = &config.pictures {
        let svg = pictures::algorithms(&rows, cores).render();
        pictures::write(folder, pictures::ALGORITHMS, svg).map_err(Stopped::Failed)?;
    }
    Ok(algorithm::records(&rows, limit, records::VERSION))
}

fn run_sweep(
    config: &Config,
    sizes: &[usize],
    stop: &Shutdown,
) -> Result<Vec<Record>, Stopped> {
    report::sweep_header(config.calls, config.limit, sizes, config.repeat)
        .iter()
        .for_each(say);
    let sweep_config = SweepConfig {
        workers: sizes.to_vec(),
        calls: Call::batch(config.calls, config.limit),
        repeat: config.repeat,
        program: this_program()?,
        worker_timeout: config.worker_timeout,
    };
    let outcome =
        sweep::sweep(
            &config.pools.kinds(),
            &sweep_config,
            stop,
            |progress| match progress {
                Progress::Starting(kind) => {
                    say(format!("\n{}", report::pool_heading(kind)))
                }
                Progress::Finished(run) => say(report::run_line(run, config.calls)),
            },
        );
    let rows = rows::rows(&outcome.runs, config.calls, config.cores);
    if !rows.is_empty() {
        say(format!("\n{}\n", report::results_line(&outcome.runs)));
        report::tables(&rows).iter().for_each(say);
        say("");
        report::summary(&rows, config.calls, config.cores, sizes).iter().for_each(say);
    }
    match outcome.ended_by {
        None => {}
        Some(PoolError::Stopped) => {
            let planned = config.pools.kinds().len() * sizes.len();
            say(format!(
                "stopped by Ctrl-C after {} of {planned} runs; every worker was stopped",
                outcome.runs.len()
            ));
            return Err(Stopped::Interrupted);
        }
        Some(err) => return Err(Stopped::Failed(err.to_string())),
    }
    if let Some(folder) = &config.pictures {
        let write =
            |name, svg| pictures::write(folder, name, svg).map_err(Stopped::Failed);
        write(pictures::TIME, pictures::time_chart(&rows).render())?;
        write(pictures::SPEEDUP, pictures::speedup_chart(&rows, config.cores).render())?;
        let mut threads = outcome.runs.iter().filter(|r| r.kind == PoolKind::Threads);
        let at_cores = threads.clone().find(|r| r.workers == config.cores);
        if let Some(run) = at_cores.or(threads.next_back()) {
            write(pictures::LANES, pictures::lanes(run).render())?;
        }
    }
    Ok(records::sweep(&rows, config.calls, config.limit, config.cores))
}

fn run_hybrid(
    config: &Config,
    workers: usize,
    runner: Runner,
    stop: &'static Shutdown,
) -> Result<Record, Stopped> {
    let hybrid_config = HybridConfig {
        runner,
        workers,
        calls: Call::batch(config.calls, config.limit),
        heartbeat: config.heartbeat,
        program: this_program()?,
        worker_timeout: config.worker_timeout,
    };
    say("");
    report::hybrid_header(&hybrid_config, config.cores).iter().for_each(say);
    let run = hybrid::run(&hybrid_config, stop).map_err(|err| {
        Stopped::Failed(format!("cannot start the tokio runtime: {err}"))
    })?;
    let answers_match = observe::answers_match(&run, &hybrid_config.calls);
    report::hybrid_lines(&run, runner, answers_match).iter().for_each(say);
    match run.ended_by {
        None => Ok(records::hybrid(&run, runner, workers, config.limit)),
        Some(PoolError::Stopped) => {
            say(format!(
                "stopped by Ctrl-C: {}/{} calls came back",
                run.returned(),
                config.calls
            ));
            Err(Stopped::Interrupted)
        }
        Some(err) => Err(Stopped::Failed(err.to_string())),
    }
}
