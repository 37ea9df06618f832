//! `cargo run -p chapter-01-event-loop -- --help`

use std::io::{self, Write};
use std::time::Duration;

use clap::Parser;
use shared::{cli, format, shutdown};

use chapter_01_event_loop::greeter::Greeter;
use chapter_01_event_loop::never_run;
use chapter_01_event_loop::runtimes::{self, Runtime};

/// Prints a greeting every 2 seconds, driven by an event loop, like the
/// article's first asyncio program; Ctrl-C stops it.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Examples:\n  chapter-01-event-loop\n  chapter-01-event-loop --runtime tokio --ticks 3\n  chapter-01-event-loop --never-run"
)]
struct Args {
    /// What drives the greeting.
    #[arg(long, value_enum, default_value_t = Runtime::Callbacks)]
    runtime: Runtime,

    /// Stop after N greetings [default: run until Ctrl-C].
    #[arg(long, value_name = "N", value_parser = parse_ticks)]
    ticks: Option<u64>,

    /// Time between greetings, e.g. 2s, 1.5s, 250ms.
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    interval: Duration,

    /// Schedule the greeting but never run the loop, and explain on stderr why nothing is printed.
    #[arg(long)]
    never_run: bool,
}

fn parse_ticks(text: &str) -> Result<u64, String> {
    cli::parse_count(text, 1_000_000_000)
}

fn main() {
    let args: Args = cli::parse_or_exit();
    let ctrl_c = shutdown::ctrl_c();

    if args.never_run {
        match never_run::schedule_without_running(args.runtime, args.interval, ctrl_c) {
            Ok(lines) => lines.iter().for_each(|line| eprintln!("{line}")),
            Err(message) => {
                eprintln!("error: {message}");
                std::process::exit(2);
            }
        }
        return;
    }

    say(format!(
        "A greeting every {} on {}. {}",
        format::duration(args.interval),
        args.runtime.description(),
        match args.ticks {
            Some(n) => format!("Stops after {n}."),
            None => "Ctrl-C stops it.".to_string(),
        }
    ));
    // The greetings carry times since the start; say when they come from a debug build.
    shared::machine::warn_if_debug_build();
    let mut greeter = Greeter::new(args.ticks);
    let reason = match args.runtime {
        Runtime::Callbacks => {
            let (finished, reason) =
                runtimes::callbacks::run(greeter, args.interval, ctrl_c);
            greeter = finished;
            reason
        }
        Runtime::Tokio => runtimes::tokio::run(&mut greeter, args.interval, ctrl_c),
        Runtime::AsyncStd => {
            runtimes::async_std::run(&mut greeter, args.interval, ctrl_c)
        }
        Runtime::Smol => runtimes::smol::run(&mut greeter, args.interval, ctrl_c),
        Runtime::Sleep => runtimes::sleep::run(&mut greeter, args.interval, ctrl_c),
    };
    say(greeter.summary(reason));
}

/// Prints a line; a closed stdout (`| head`) is not an error worth a panic.
fn say(line: String) {
    let _ = writeln!(io::stdout(), "{line}");
}
