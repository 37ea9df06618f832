//! A small echo on loopback, three times: with `add_reader` callbacks, as
//! `async fn` on the chapter's loop, and on tokio. The same I/O each time;
//! only the way of waiting differs.
//!
//! Each run binds 127.0.0.1 on a port the OS picks, sends `messages` one at a
//! time from a client on the same loop, and waits for each to come back.
//! Everything it opened is closed when the run returns.

pub mod callbacks;
mod common;
pub mod futures;
pub mod tokio;

use std::fmt;
use std::io;

pub use common::{Echoed, loopback};

/// Which version of the echo to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EchoStyle {
    /// `add_reader` callbacks on the chapter's loop.
    Callbacks,
    /// `async fn` with `.await` on the chapter's loop.
    Futures,
    /// `async fn` on tokio's current-thread runtime.
    Tokio,
}

/// The messages the client sends: `message 1 of n`, ...
pub fn messages(count: usize) -> Vec<String> {
    (1..=count).map(|i| format!("message {i} of {count}")).collect()
}

/// Runs the echo in `style` with `messages`.
pub fn run(style: EchoStyle, messages: &[String]) -> io::Result<Echoed> {
    match style {
        EchoStyle::Callbacks => callbacks::run(messages),
        EchoStyle::Futures => futures::run(messages),
        EchoStyle::Tokio => tokio::run(messages),
    }
}

impl EchoStyle {
    /// What the program's header says about this version.
    pub fn description(self) -> &'static str {
        match self {
            EchoStyle::Callbacks => "add_reader callbacks on the chapter's loop",
            EchoStyle::Futures => "async fn and .await on the chapter's loop",
            EchoStyle::Tokio => "async fn on tokio's current-thread runtime",
        }
    }
}

impl fmt::Display for EchoStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use clap::ValueEnum;
        let value = self.to_possible_value().expect("no variant is skipped");
        f.write_str(value.get_name())
    }
}
