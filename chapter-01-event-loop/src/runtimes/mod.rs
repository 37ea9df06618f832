//! The same greeting program on each runtime the chapter compares.

pub mod async_std;
pub mod callbacks;
pub mod futures;
pub mod sleep;
pub mod smol;
pub mod tokio;

use std::fmt;

/// Which loop drives the greeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Runtime {
    /// The chapter's loop, callbacks: the article's program.
    Callbacks,
    /// The chapter's loop, `async fn` and `sleep().await`.
    Futures,
    /// tokio's current-thread runtime.
    Tokio,
    /// async-std (discontinued upstream, common in older code).
    AsyncStd,
    /// smol.
    Smol,
    /// No event loop: a plain loop that sleeps between greetings.
    Sleep,
}

impl Runtime {
    /// What the program's header says is driving the greeting.
    pub fn description(self) -> &'static str {
        match self {
            Runtime::Callbacks => {
                "the chapter's loop: call_soon, call_later, run_forever"
            }
            Runtime::Futures => "the chapter's loop: spawn, async fn, sleep().await",
            Runtime::Tokio => "tokio's current-thread runtime: interval, select!",
            Runtime::AsyncStd => "async-std: task::block_on, future::timeout",
            Runtime::Smol => "smol: block_on, Timer::interval",
            Runtime::Sleep => "a plain loop with thread sleep, no event loop",
        }
    }
}

impl fmt::Display for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use clap::ValueEnum;
        let value = self.to_possible_value().expect("no variant is skipped");
        f.write_str(value.get_name())
    }
}
