//! One run of the program, as `main` asks for it: the algorithms, the sweep,
//! then the hybrid in each place, printed as they go, and the records and
//! pictures written at the end. A run that fails says why in one sentence;
//! one stopped by Ctrl-C says how far it got.

use std::path::{Path, PathBuf};

use shared::cli::say;
use shared::exit::{self, Error};
use shared::record::Record;
use shared::shutdown::Shutdown;

use crate::call::Call;
use crate::config::Config;
use crate::hybrid::{self, HybridPlan};
use crate::observe::{self, records, rows};
use crate::place::Place;
use crate::pool_error::PoolError;
use crate::sweep::{self, Progress, SweepPlan};
use crate::{algorithm, pictures, report};

/// Runs what `config` asks for, printing as it goes, until `shutdown`
/// (Ctrl-C). Bad input, an unwritable `--json` or `--pictures` included, is
/// found before anything runs.
pub fn run(config: &Config, shutdown: &Shutdown) -> Result<(), Error> {
    config.check().map_err(|bad| Error::BadInput(bad.to_string()))?;
    let mut json = config.json.as_deref().map(exit::json_file).transpose()?;
    let pictures = config.pictures.as_deref().map(exit::pictures_dir).transpose()?;
    // This program, started again as each worker process.
    let program = std::env::current_exe()
        .map_err(|err| Error::Failed(format!("cannot find this program: {err}")))?;
    let mut records = Vec::new();
    if config.algorithms {
        records.extend(run_algorithms(config, pictures.as_deref())?);
    }
    if config.runs_sweep() {
        records.extend(run_sweep(config, &program, pictures.as_deref(), shutdown)?);
    }
    if config.runs_hybrid() {
        report::hybrid_header(config).into_iter().for_each(say);
        for place in config.hybrid_places() {
            records.push(run_hybrid(config, place, &program, shutdown)?);
        }
    }
    if let Some(json) = &mut json {
        json.write(&records).map_err(Error::Failed)?;
    }
    Ok(())
}

fn run_algorithms(
    config: &Config,
    pictures: Option<&Path>,
) -> Result<Vec<Record>, Error> {
    let (calls, limit, cores) = (config.calls, config.limit, config.cores);
    report::algorithms_header(config).into_iter().for_each(say);
    let progress = |rows: &[_]| report::way_row(rows, cores).into_iter().for_each(say);
    let rows = algorithm::compare(calls, limit, cores, progress)
        .map_err(|err| Error::Failed(format!("cannot build a thread pool: {err}")))?;
    say("");
    algorithm::summary(&rows, cores).into_iter().for_each(say);
    if let Some(folder) = pictures {
        let svg = pictures::algorithms(&rows, cores).render();
        exit::write_picture(folder, pictures::ALGORITHMS, &svg)?;
    }
    Ok(records::algorithms(&rows, limit))
}

fn run_sweep(
    config: &Config,
    program: &Path,
    pictures: Option<&Path>,
    shutdown: &Shutdown,
) -> Result<Vec<Record>, Error> {
    let (calls, cores, sizes) = (config.calls, config.cores, config.sizes());
    report::sweep_header(config, &sizes).into_iter().for_each(say);
    let plan = SweepPlan {
        workers: sizes.clone(),
        calls: Call::batch(calls, config.limit, config.algorithm),
        repeat: config.repeat,
        program: program.to_path_buf(),
        worker_timeout: config.worker_timeout,
    };
    let places = config.sweep_places();
    let outcome = sweep::sweep(&places, &plan, shutdown, |progress| match progress {
        Progress::Starting(place) => {
            report::pool_heading(place).into_iter().for_each(say)
        }
        Progress::Finished(runs) => {
            report::last_row(&rows::rows(runs, calls, cores)).into_iter().for_each(say)
        }
    });
    let rows = rows::rows(&outcome.runs, calls, cores);
    if !rows.is_empty() {
        report::results(&outcome.runs).into_iter().for_each(say);
        report::summary(&rows, calls, cores, &sizes).into_iter().for_each(say);
    }
    if let Some(err) = outcome.ended_by {
        let (ran, planned) = (outcome.runs.len(), places.len() * sizes.len());
        let how_far = format!("after {ran} of {planned} runs; every worker was stopped");
        return Err(ended(err, how_far, shutdown));
    }
    if let Some(folder) = pictures {
        exit::write_picture(
            folder,
            pictures::TIME,
            &pictures::time_chart(&rows).render(),
        )?;
        let speedup = pictures::speedup_chart(&rows, cores).render();
        exit::write_picture(folder, pictures::SPEEDUP, &speedup)?;
        // The lanes of the threads' run at N = cores, or at the largest N.
        let mut threads = outcome.runs.iter().filter(|r| r.place == Place::Threads);
        let at_cores = threads.clone().find(|r| r.workers == cores);
        if let Some(run) = at_cores.or(threads.next_back()) {
            exit::write_picture(folder, pictures::LANES, &pictures::lanes(run).render())?;
        }
    }
    Ok(records::sweep(&rows, calls, config.limit, cores))
}

fn run_hybrid(
    config: &Config,
    place: Place,
    program: &Path,
    shutdown: &Shutdown,
) -> Result<Record, Error> {
    let workers = config.hybrid_workers();
    let plan = HybridPlan {
        place,
        workers,
        calls: Call::batch(config.calls, config.limit, config.algorithm),
        tick: config.tick,
        program: PathBuf::from(program),
        worker_timeout: config.worker_timeout,
    };
    report::hybrid_heading(place, workers).into_iter().for_each(say);
    let run = hybrid::run(&plan, shutdown)
        .map_err(|err| Error::Failed(format!("cannot start the tokio runtime: {err}")))?;
    let answers_match = observe::answers_match(&run, &plan.calls);
    report::hybrid_run(&run, place, answers_match).into_iter().for_each(say);
    match run.ended_by {
        None => Ok(records::hybrid(&run, place, workers, config.limit)),
        Some(err) => Err(ended(err, "before every call came back".into(), shutdown)),
    }
}

/// Why a part of the run ended early, for `main` to report. After Ctrl-C,
/// first says how far the run got, and marks it stopped: a worker may see
/// the terminal's Ctrl-C before this process's handler does (exit 130).
fn ended(err: PoolError, how_far: String, shutdown: &Shutdown) -> Error {
    if err == PoolError::Stopped {
        say(format!("stopped by Ctrl-C {how_far}"));
        shutdown.request();
    }
    Error::Failed(err.to_string())
}
