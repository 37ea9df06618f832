//! Part 2 of the chapter: the I/O-bound contrast on real sockets and files.
//!
//! The article promised to compare threads and async code on I/O and never
//! did. Here a slow service (a child process on 127.0.0.1) answers each
//! request after a fixed wait, like a remote service, and clients call it in
//! the chapter's four places; then thousands of connections as tasks
//! against as many threads; then files read with `std::fs` and `tokio::fs`.
//! The lesson files measure nothing: each request goes through a [`Probe`],
//! each connection of the scale-up through a [`scale::Gauge`], supplied
//! from outside (`observe::io`).
//!
//! - [`service`]: the slow service, and the child process that runs it.
//! - [`client`]: one request, blocking (`std::net`) and async (tokio).
//! - [`calls`]: the clients in the four places.
//! - [`scale`]: thousands of connections, as tasks and as threads.
//! - [`limits`]: file descriptors, the listen backlog, source addresses.
//! - [`files`]: reading files one after another, on threads, on `tokio::fs`.

pub mod calls;
pub mod client;
pub mod files;
pub mod limits;
pub mod scale;
pub mod service;

use std::io;

/// Why an experiment could not run: one line for the user.
pub type NetError = String;

// ANCHOR: probe
/// Watches each client's request from outside: when it began, how it ended.
pub trait Probe: Send + Sync + 'static {
    /// Runs client `client`'s blocking request.
    fn request(&self, client: usize, request: impl FnOnce() -> io::Result<()>);
    /// Awaits client `client`'s async request.
    fn request_async(
        &self,
        client: usize,
        request: impl Future<Output = io::Result<()>> + Send,
    ) -> impl Future<Output = ()> + Send;
}
// ANCHOR_END: probe
