//! N clients, one request each, in the chapter's four places.
//!
//! Waiting on a socket needs no CPU, so every place lets the requests
//! overlap, even one thread running an event loop, and even threads under
//! the GIL model: CPython releases the GIL around every blocking socket call
//! (`Py_BEGIN_ALLOW_THREADS` in `sock_call_ex`, Modules/socketmodule.c).

use std::net::SocketAddr;
use std::sync::Arc;
use std::thread;

use tokio::runtime::Builder;

use super::{Probe, client};
use crate::gil::{DEFAULT_SWITCH_INTERVAL, Gil};

// ANCHOR: on_loop
/// Every client a task on one current-thread runtime: one thread, and all
/// the requests in flight at once.
pub fn on_loop(addr: SocketAddr, clients: usize, probe: &Arc<impl Probe>) {
    if let Ok(runtime) = Builder::new_current_thread().enable_all().build() {
        runtime.block_on(spawn_clients(addr, clients, probe));
    }
}
// ANCHOR_END: on_loop

/// Every client a task on a multi-thread runtime, one worker per core.
/// Returns the runtime's worker count.
pub fn as_tasks(addr: SocketAddr, clients: usize, probe: &Arc<impl Probe>) -> usize {
    let mut runtime = Builder::new_multi_thread();
    let runtime = runtime.worker_threads(shared::machine::cores()).enable_all().build();
    let Ok(runtime) = runtime else { return 0 };
    runtime.block_on(spawn_clients(addr, clients, probe));
    runtime.metrics().num_workers()
}

// ANCHOR: spawn_clients
async fn spawn_clients(addr: SocketAddr, clients: usize, probe: &Arc<impl Probe>) {
    let tasks: Vec<_> = (1..=clients)
        .map(|client| {
            let probe = Arc::clone(probe);
            tokio::spawn(async move {
                let request = async {
                    let stream = client::connect_async(addr).await?;
                    client::request_async(stream, client).await
                };
                probe.request_async(client, request).await;
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
pub fn on_threads(addr: SocketAddr, clients: usize, probe: &impl Probe) {
    thread::scope(|scope| {
        for client in 1..=clients {
            scope.spawn(move || {
                probe.request(client, || {
                    let stream = client::connect(addr)?;
                    client::request(stream, client)
                });
            });
        }
    });
}
// ANCHOR_END: on_threads

// ANCHOR: under_gil
/// Every client a thread that holds the GIL model, except around each
/// blocking socket call, which is where CPython lets go of the real one.
pub fn under_gil(addr: SocketAddr, clients: usize, probe: &impl Probe) {
    let gil = Gil::new(DEFAULT_SWITCH_INTERVAL);
    thread::scope(|scope| {
        for client in 1..=clients {
            let gil = &gil;
            scope.spawn(move || {
                probe.request(client, || {
                    let mut held = gil.acquire();
                    let stream = held.released_while(|| client::connect(addr))?;
                    held.released_while(|| client::request(stream, client))
                });
            });
        }
    });
}
// ANCHOR_END: under_gil
