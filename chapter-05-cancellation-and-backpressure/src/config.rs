//! The command line: what one run is asked to do. `main.rs` parses it and
//! hands it to [`crate::run::run`].

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use shared::cli;

/// Stopping and limiting work. Part 1 gives a chain of CPU steps a deadline
/// of one and a half steps and measures what runs after it: a dropped
/// future, a blocking job, a rayon job, a job with a token, a killed
/// process; then JoinSet's abort and cancel safety in a select! loop.
/// Part 2 puts a fast producer before a slow consumer, unbounded and
/// bounded, and a Semaphore before a slow service. Part 3 measures the two
/// fixes for a Mutex guard held across an .await. Ctrl-C stops it.
#[derive(Debug, Clone, Parser)]
#[command(
    version,
    max_term_width = 80,
    verbatim_doc_comment,
    after_help = "Examples:
  chapter-05-cancellation-and-backpressure
  chapter-05-cancellation-and-backpressure --part cancel --steps 8
  chapter-05-cancellation-and-backpressure --part backpressure --requests 10000
  chapter-05-cancellation-and-backpressure --json runs.jsonl --pictures pics"
)]
pub struct Config {
    /// Which part to run.
    #[arg(long, value_enum, default_value_t = Part::All)]
    pub part: Part,
    /// Steps in each cancelled job (the deadline is 1.5 steps).
    #[arg(long, value_name = "N", default_value = "10", value_parser = parse_steps)]
    pub steps: usize,
    /// Size of one step: the product of the integers below LIMIT.
    #[arg(long, value_name = "LIMIT", default_value = "15000", value_parser = cli::parse_limit)]
    pub limit: u32,
    /// Messages sent through each select! loop (cancel safety).
    #[arg(long, value_name = "N", default_value = "100", value_parser = parse_messages)]
    pub messages: usize,
    /// Items the producer sends through each channel.
    #[arg(long, value_name = "N", default_value = "20000", value_parser = parse_items)]
    pub items: usize,
    /// The bounded channel's capacity, in items.
    #[arg(long, value_name = "N", default_value = "64", value_parser = parse_bound)]
    pub bound: usize,
    /// Requests sent to the slow service, each way.
    #[arg(long, value_name = "N", default_value = "2000", value_parser = parse_requests)]
    pub requests: usize,
    /// Requests in flight the Semaphore allows.
    #[arg(long, value_name = "N", default_value = "100", value_parser = parse_bound)]
    pub permits: usize,
    /// How long the slow service waits before it answers.
    #[arg(long, value_name = "DURATION", default_value = "50ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    pub service_wait: Duration,
    /// Write the pictures (SVG) to DIR, created if missing.
    #[arg(long, value_name = "DIR")]
    pub pictures: Option<PathBuf>,
    /// Write one JSON record per measured way to PATH.
    #[arg(long, value_name = "PATH")]
    pub json: Option<PathBuf>,
}

/// The parts of the chapter, as `--part` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// Part 1: timeouts, what a drop cannot stop, tokens, processes,
    /// JoinSet, cancel safety.
    Cancel,
    /// Part 2: unbounded and bounded channels, a Semaphore.
    Backpressure,
    /// Part 3: a Mutex across .await, the two fixes under contention.
    State,
    /// All three, in order.
    All,
}

impl Part {
    /// Whether this choice runs `part`.
    pub fn runs(self, part: Part) -> bool {
        self == Part::All || self == part
    }
}

/// `--steps`: 2 to 100 (the deadline falls in the second step).
fn parse_steps(text: &str) -> Result<usize, String> {
    match cli::parse_count(text, 100)? {
        1 => Err("at least 2 steps, the deadline falls in the second".into()),
        n => Ok(n as usize),
    }
}

/// `--messages`: 1 to 100 000.
fn parse_messages(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 100_000).map(|n| n as usize)
}

/// `--items`: 1 to 1 000 000.
fn parse_items(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 1_000_000).map(|n| n as usize)
}

/// `--bound`, `--permits`: 1 to 100 000.
fn parse_bound(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 100_000).map(|n| n as usize)
}

/// `--requests`: 1 to 10 000 (each is a socket at each end).
fn parse_requests(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 10_000).map(|n| n as usize)
}
