//! One run of the program, as `main` asks for it: the algorithms, the sweep,
//! then the hybrid on each pool and on the loop, printed as they go, and the
//! records and pictures written at the end. A run that fails says why in one
//! sentence; one stopped by Ctrl-C says how far it got.

use std::path::Path;

use shared::cli::say;
use shared::record::{JsonLines, Record};
use shared::shutdown::Shutdown;

use crate::call::Call;
use crate::config::Config;
use crate::hybrid::{self, HybridConfig, Runner};
use crate::observe::{self, records, rows};
use crate::pool_error::PoolError;
use crate::sweep::{self, PoolKind, Progress, SweepConfig};
use crate::{algorithm, pictures, report};

/// Runs what `config` asks for, printing as it goes, until `stop` (Ctrl-C).
pub fn run(config: &Config, stop: &'static Shutdown) -> Result<(), String> {
    algorithm::choose(config.algorithm);
    // This program, started again as each worker process.
    let program = std::env::current_exe()
        .map_err(|err| format!("cannot find this program: {err}"))?;
    let mut json = config.json.as_deref().map(JsonLines::create).transpose()?;
    let mut records = Vec::new();
    if config.algorithms {
        records.extend(run_algorithms(config)?);
    }
    if config.runs_sweep() {
        records.extend(run_sweep(config, &program, stop)?);
    }
    if config.runs_hybrid() {
        report::hybrid_header(config);
        for runner in config.runners() {
            records.push(run_hybrid(config, runner, &program, stop)?);
        }
    }
    if let Some(json) = &mut json {
        json.write(&records)?;
    }
    Ok(())
}

fn run_algorithms(config: &Config) -> Result<Vec<Record>, String> {
    let (calls, limit, cores) = (config.calls, config.limit, config.cores);
    report::algorithms_header(config);
    let rows =
        algorithm::compare(calls, limit, cores, |rows| report::way_row(rows, cores))
            .map_err(|err| format!("cannot build a thread pool: {err}"))?;
    say("");
    algorithm::summary(&rows, cores).into_iter().for_each(say);
    if let Some(folder) = &config.pictures {
        let svg = pictures::algorithms(&rows, cores).render();
        pictures::write(folder, pictures::ALGORITHMS, svg)?;
    }
    Ok(records::algorithms(&rows, limit))
}

fn run_sweep(
    config: &Config,
    program: &Path,
    stop: &Shutdown,
) -> Result<Vec<Record>, String> {
    let (calls, cores, sizes) = (config.calls, config.cores, config.sizes());
    report::sweep_header(config, &sizes);
    let sweep_config = SweepConfig {
        workers: sizes.clone(),
        calls: Call::batch(calls, config.limit),
        repeat: config.repeat,
        program: program.to_path_buf(),
        worker_timeout: config.worker_timeout,
    };
    let outcome =
        sweep::sweep(&config.kinds(), &sweep_config, stop, |progress| match progress {
            Progress::Starting(kind) => report::pool_heading(kind),
            Progress::Finished(runs) => report::last_row(&rows::rows(runs, calls, cores)),
        });
    let rows = rows::rows(&outcome.runs, calls, cores);
    if !rows.is_empty() {
        report::results(&outcome.runs);
        report::summary(&rows, calls, cores, &sizes);
    }
    if let Some(err) = outcome.ended_by {
        let (ran, planned) = (outcome.runs.len(), config.kinds().len() * sizes.len());
        let how_far = format!("after {ran} of {planned} runs; every worker was stopped");
        return Err(ended(err, how_far, stop));
    }
    if let Some(folder) = &config.pictures {
        pictures::write(folder, pictures::TIME, pictures::time_chart(&rows).render())?;
        let speedup = pictures::speedup_chart(&rows, cores).render();
        pictures::write(folder, pictures::SPEEDUP, speedup)?;
        // The lanes of the threads' run at N = cores, or at the largest N.
        let mut threads = outcome.runs.iter().filter(|r| r.kind == PoolKind::Threads);
        let at_cores = threads.clone().find(|r| r.workers == cores);
        if let Some(run) = at_cores.or(threads.next_back()) {
            pictures::write(folder, pictures::LANES, pictures::lanes(run).render())?;
        }
    }
    Ok(records::sweep(&rows, calls, config.limit, cores))
}

fn run_hybrid(
    config: &Config,
    runner: Runner,
    program: &Path,
    stop: &'static Shutdown,
) -> Result<Record, String> {
    let workers = config.hybrid_workers();
    let hybrid_config = HybridConfig {
        runner,
        workers,
        calls: Call::batch(config.calls, config.limit),
        heartbeat: config.heartbeat,
        program: program.to_path_buf(),
        worker_timeout: config.worker_timeout,
    };
    report::hybrid_heading(runner, workers);
    let run = hybrid::run(&hybrid_config, stop)
        .map_err(|err| format!("cannot start the tokio runtime: {err}"))?;
    report::hybrid_run(&run, runner, observe::answers_match(&run, &hybrid_config.calls));
    match run.ended_by {
        None => Ok(records::hybrid(&run, runner, workers, config.limit)),
        Some(err) => Err(ended(err, "before every call came back".into(), stop)),
    }
}

/// Why a part of the run ended early, for `main` to report. After Ctrl-C,
/// first says how far the run got, and marks it stopped: a worker may see
/// the terminal's Ctrl-C before this process's handler does (exit 130).
fn ended(err: PoolError, how_far: String, stop: &Shutdown) -> String {
    if err == PoolError::Stopped {
        say(format!("stopped by Ctrl-C {how_far}"));
        stop.request();
    }
    err.to_string()
}
