//! N clients, one request each, in the chapter's four modes; each run is
//! measured from outside (wall and CPU time) and observed from inside (when
//! each request started and got its answer).
//!
//! Waiting on a socket needs no CPU, so every mode lets the requests
//! overlap, even one thread running an event loop, and even threads under
//! the GIL model: CPython releases the GIL around every blocking socket call
//! (`Py_BEGIN_ALLOW_THREADS` in `sock_call_ex`, Modules/socketmodule.c).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

use tokio::runtime::Builder;

use shared::machine::cores;

use super::client;
use crate::gil::{DEFAULT_SWITCH_INTERVAL, Gil};
use crate::observe::timeline::Timeline;
use crate::observe::{self, Observations, Place, PlaceRun};

/// What one mode did with its clients.
#[derive(Debug, Clone)]
pub struct CallsRun {
    /// Measured and observed as a CPU mode is (`asked`: the clients), a
    /// span per answered request.
    pub measured: PlaceRun,
    /// The requests that failed: client number and why, in client order.
    pub failed: Vec<(usize, String)>,
}

/// Where the clients write down what happened to them: each answered
/// request's span (and its end) on the timeline, each failure and why.
#[derive(Debug)]
struct Log {
    timeline: Arc<Timeline>,
    failed: Mutex<Vec<(usize, String)>>,
}

impl Log {
    fn note(&self, client: usize, start: Instant, done: std::io::Result<()>) {
        match done {
            Ok(()) => {
                self.timeline.record(client, start, Instant::now());
                self.timeline.finish(client);
            }
            Err(err) => self.failures().push((client, client::phrase(&err))),
        }
    }

    fn failures(&self) -> std::sync::MutexGuard<'_, Vec<(usize, String)>> {
        self.failed.lock().unwrap_or_else(|poison| poison.into_inner())
    }
}

/// Runs `clients` requests against `addr` in `mode`, measured.
pub fn run(place: Place, addr: SocketAddr, clients: usize) -> CallsRun {
    let mut failed = Vec::new();
    let observe = |timeline: &Arc<Timeline>| {
        let log =
            Arc::new(Log { timeline: Arc::clone(timeline), failed: Mutex::default() });
        match place {
            Place::Loop => on_loop(addr, clients, &log),
            Place::Threads => on_threads(addr, clients, &log),
            Place::Gil => under_gil(addr, clients, &log),
            Place::Tasks => as_tasks(addr, clients, &log),
        }
        failed = std::mem::take(&mut *log.failures());
        let workers = (place == Place::Tasks).then(cores);
        Observations { workers, waited: true, ..Observations::default() }
    };
    let measured = observe::measure(place, clients, observe, || false);
    failed.sort();
    CallsRun { measured, failed }
}

// ANCHOR: on_loop
/// Every client a task on one current-thread runtime: one thread, and all
/// the requests in flight at once.
fn on_loop(addr: SocketAddr, clients: usize, log: &Arc<Log>) {
    if let Ok(runtime) = Builder::new_current_thread().enable_all().build() {
        runtime.block_on(spawn_clients(addr, clients, log));
    }
}
// ANCHOR_END: on_loop

/// Every client a task on a multi-thread runtime, one worker per core.
fn as_tasks(addr: SocketAddr, clients: usize, log: &Arc<Log>) {
    let mut runtime = Builder::new_multi_thread();
    if let Ok(runtime) = runtime.worker_threads(cores()).enable_all().build() {
        runtime.block_on(spawn_clients(addr, clients, log));
    }
}

// ANCHOR: spawn_clients
async fn spawn_clients(addr: SocketAddr, clients: usize, log: &Arc<Log>) {
    let tasks: Vec<_> = (1..=clients)
        .map(|client| {
            let log = Arc::clone(log);
            tokio::spawn(async move {
                let start = Instant::now();
                let done = match client::connect_async(addr).await {
                    Ok(stream) => client::request_async(stream, client).await,
                    Err(err) => Err(err),
                };
                log.note(client, start, done);
            })
        })
        .collect();
    for task in tasks {
        let _ = task.await;
    }
}
// ANCHOR_END: spawn_clients

// ANCHOR: on_threads
/// Every client a thread of its own, blocked in the kernel while it waits.
fn on_threads(addr: SocketAddr, clients: usize, log: &Arc<Log>) {
    thread::scope(|scope| {
        for client in 1..=clients {
            scope.spawn(move || {
                let start = Instant::now();
                let done = client::connect(addr).and_then(|s| client::request(s, client));
                log.note(client, start, done);
            });
        }
    });
}
// ANCHOR_END: on_threads

// ANCHOR: under_gil
/// Every client a thread that holds the GIL model, except around each
/// blocking socket call, which is where CPython lets go of the real one.
fn under_gil(addr: SocketAddr, clients: usize, log: &Arc<Log>) {
    let gil = Gil::new(DEFAULT_SWITCH_INTERVAL);
    thread::scope(|scope| {
        for client in 1..=clients {
            let gil = &gil;
            scope.spawn(move || {
                let mut held = gil.acquire();
                let start = Instant::now();
                let done =
                    held.released_while(|| client::connect(addr)).and_then(|stream| {
                        held.released_while(|| client::request(stream, client))
                    });
                log.note(client, start, done);
            });
        }
    });
}
// ANCHOR_END: under_gil

#[cfg(test)]
mod tests {
    use crate::observe::verdict::Verdict;

    /// Requests that waited at the same instant are concurrent; one at a
    /// time, serialised.
    #[test]
    fn waits_that_overlap_are_concurrent() {
        assert_eq!(Verdict::for_waits(3), Verdict::Concurrent);
        assert_eq!(Verdict::for_waits(1), Verdict::Serialised);
    }
}
