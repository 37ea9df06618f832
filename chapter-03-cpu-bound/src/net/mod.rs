//! The I/O-bound contrast on real sockets and real files.
//!
//! The article promised to compare threads and async code on I/O and never
//! did. Here a slow service (a child process on 127.0.0.1) answers each
//! request after a fixed wait, like a remote service, and clients call it in
//! the chapter's four modes; then 10 000 connections as tasks against
//! 10 000 threads; then files read with `std::fs` and with `tokio::fs`.
//!
//! - [`service`]: the slow service, and the child process that runs it.
//! - [`limits`]: file descriptors: raising the soft limit, what fits.
//! - [`client`]: one request, blocking (`std::net`) and async (tokio).
//! - [`calls`]: the four modes, each measured; overlap read off spans.
//! - [`scale`]: thousands of connections, as tasks and as threads.
//! - [`files`]: reading files one after another, on threads, on `tokio::fs`.
//! - [`report`]: runs them in order and prints what they measured.

pub mod calls;
pub mod client;
pub mod files;
pub mod limits;
pub mod report;
pub mod scale;
pub mod service;

use std::time::Duration;

use shared::shutdown::Shutdown;

/// What the I/O experiments are asked to do.
#[derive(Debug, Clone, Copy)]
pub struct NetConfig {
    /// Clients in the four-mode experiment (and files to read).
    pub clients: usize,
    /// How long the service waits before it answers.
    pub wait: Duration,
    /// Connections in the scale-up (0: no scale-up).
    pub scale: usize,
    /// The port the service listens on (0: any free port).
    pub port: u16,
    /// Ctrl-C.
    pub shutdown: &'static Shutdown,
}

/// Why an experiment could not run: one line for the user.
pub type NetError = String;
