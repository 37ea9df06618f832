//! The command line: what one run is asked to do. `main.rs` parses it into a
//! [`Config`] and hands it to [`crate::run()`].

use std::time::Duration;

use clap::Parser;
use shared::cli;

use crate::echo::EchoStyle;
use crate::runtimes::Runtime;

/// Prints a greeting every 2 seconds, driven by an event loop, like the
/// article's first asyncio program; Ctrl-C stops it (exit code 130).
/// With --echo, runs a small echo on 127.0.0.1 instead.
#[derive(Debug, Clone, Parser)]
#[command(
    version,
    max_term_width = 80,
    verbatim_doc_comment,
    after_help = "Examples:
  chapter-01-event-loop
  chapter-01-event-loop --runtime futures --ticks 3 --interval 100ms
  chapter-01-event-loop --never-run
  chapter-01-event-loop --echo callbacks"
)]
pub struct Config {
    /// What drives the greeting.
    #[arg(long, value_enum, default_value_t = Runtime::Callbacks)]
    pub runtime: Runtime,

    /// Stop after N greetings [default: run until Ctrl-C].
    #[arg(long, value_name = "N", value_parser = cli::parse_ticks)]
    pub ticks: Option<u64>,

    /// Time between greetings, e.g. 2s, 1.5s, 250ms.
    #[arg(
        long,
        value_name = "DURATION",
        default_value = "2s",
        value_parser = cli::parse_duration,
        allow_hyphen_values = true
    )]
    pub interval: Duration,

    /// Schedule the greeting, never run the loop, say why (on stderr).
    #[arg(long)]
    pub never_run: bool,

    /// Run an echo on 127.0.0.1 in this style instead; it ends by itself.
    #[arg(long, value_enum, value_name = "STYLE", conflicts_with_all = [
        "runtime", "ticks", "interval", "never_run",
    ])]
    pub echo: Option<EchoStyle>,

    /// How many messages the echo sends, one at a time.
    #[arg(long, value_name = "N", default_value = "3", value_parser = parse_messages)]
    pub messages: usize,
}

/// `--messages`: 1 to 1 000, a short run.
fn parse_messages(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 1_000).map(|n| n as usize)
}
