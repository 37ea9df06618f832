//! Part 2 of a run: the service started, the four places, the scale-up,
//! the files, each printed as it ends. The service is stopped (killed and
//! reaped) when this returns, whichever way.

use shared::cli::say;
use shared::shutdown::Shutdown;

use crate::config::Config;
use crate::net::files::{FileSet, FilesMode, MAX_FILES};
use crate::net::service::ServiceProcess;
use crate::net::{NetError, limits};
use crate::observe::Place;
use crate::observe::io::{self, IoResults, ScaleRun};
use crate::report;

// ANCHOR: run
/// Starts the service, runs the four places, the files and the scale-up
/// (with every place only), printing as it goes. The files come before the
/// scale-up: tearing down thousands of connections keeps the kernel busy
/// for a while after, and that would count as the files' CPU time.
pub(super) fn run(config: &Config, shutdown: &Shutdown) -> Result<IoResults, NetError> {
    let service = ServiceProcess::start(config.wait, config.port)?;
    let mut results = IoResults::default();
    for place in Place::ALL {
        if shutdown.is_requested() {
            break;
        }
        results.calls.push(io::run_clients(place, service.addr, config.calls));
    }
    report::io::calls(&results.calls, config.calls, config.wait)
        .into_iter()
        .for_each(say);
    if !shutdown.is_requested() {
        let set = FileSet::create(config.calls.min(MAX_FILES))
            .map_err(|err| format!("cannot write the test files: {err}"))?;
        results.files = FilesMode::ALL.map(|mode| io::read_files(mode, &set)).into();
        report::io::files(&results.files, set.paths.len()).into_iter().for_each(say);
    }
    if config.place.is_none() && !shutdown.is_requested() {
        results.scale = scale_up(config.scale, &service, shutdown);
    }
    Ok(results)
}
// ANCHOR_END: run

/// The scale-up, with as many connections as the descriptor limit allows:
/// tasks first, on a heap the threads have not used yet.
fn scale_up(
    asked: usize,
    service: &ServiceProcess,
    shutdown: &Shutdown,
) -> Vec<ScaleRun> {
    let limit = limits::raise_to_hard().unwrap_or(u64::MAX);
    let n = asked.min(limits::connections_that_fit(limit));
    let intro = report::io::scale_intro(n, asked, limit, service.backlog);
    intro.into_iter().for_each(say);
    let mut runs = Vec::new();
    for way in [io::scale_tasks, io::scale_threads] {
        if n == 0 || shutdown.is_requested() {
            break;
        }
        runs.push(way(service.addr, n, shutdown));
    }
    // Clients cut short by Ctrl-C did not fail: a stopped scale-up has no
    // result to report (the run says it was stopped).
    if shutdown.is_requested() {
        return Vec::new();
    }
    report::io::scale(&runs, n).into_iter().for_each(say);
    runs
}
