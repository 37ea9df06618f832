//! A `Semaphore` caps the requests in flight. Without a cap, a loop that
//! spawns a task per request opens every connection at once: a socket, a
//! task and its buffers each, and a flood for the service to queue. With a
//! cap of N, a request waits for one of N permits before it starts, and
//! gives its permit back when it ends.
//!
//! The service is chapter 3's: a child process on 127.0.0.1 that answers
//! each request after a fixed wait.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use chapter_03_cpu_bound::net::client;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::observe::flow::Flow;

/// One request to the service, its latency counted from `wanted`.
async fn one_request(addr: SocketAddr, n: usize, wanted: Instant, flow: &Flow) {
    flow.sent();
    let answered = match client::connect_async(addr).await {
        Ok(stream) => client::request_async(stream, n).await,
        Err(err) => Err(err),
    };
    match answered {
        Ok(()) => flow.received(wanted),
        Err(_) => flow.failed(wanted),
    }
}

// ANCHOR: uncapped
/// `requests` requests, all wanted now, all started at once.
pub async fn uncapped(addr: SocketAddr, requests: usize, flow: Arc<Flow>) {
    let wanted = Instant::now();
    let mut tasks = JoinSet::new();
    for n in 0..requests {
        let flow = Arc::clone(&flow);
        tasks.spawn(async move { one_request(addr, n, wanted, &flow).await });
    }
    while tasks.join_next().await.is_some() {}
}
// ANCHOR_END: uncapped

// ANCHOR: capped
/// The same requests, at most `permits` in flight. The permit is taken
/// before the task is spawned, so waiting requests cost no task either;
/// their wait for a permit counts in their latency.
pub async fn capped(addr: SocketAddr, requests: usize, permits: usize, flow: Arc<Flow>) {
    let wanted = Instant::now();
    let semaphore = Arc::new(Semaphore::new(permits));
    let mut tasks = JoinSet::new();
    for n in 0..requests {
        let flow = Arc::clone(&flow);
        let Ok(permit) = Arc::clone(&semaphore).acquire_owned().await else {
            break; // closed: never here, nobody closes it
        };
        tasks.spawn(async move {
            one_request(addr, n, wanted, &flow).await;
            drop(permit); // the next request may start
        });
    }
    while tasks.join_next().await.is_some() {}
}
// ANCHOR_END: capped
