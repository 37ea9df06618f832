//! What the program does with its command line: the greeting on one
//! runtime, the never-run demonstration, or the echo. `main.rs` parses the
//! arguments into a [`Config`] and calls [`run`]; the exit code comes back.

use std::time::Duration;

use shared::cli::{fail, say};
use shared::{format, shutdown};

use crate::echo::{self, EchoStyle};
use crate::greeter::{Greeter, StopReason};
use crate::never_run;
use crate::runtimes::{self, Runtime};

/// One run of the program, as the command line asked for it.
#[derive(Debug, Clone)]
pub struct Config {
    /// What drives the greeting.
    pub runtime: Runtime,
    /// Stop after this many greetings (`None`: at Ctrl-C).
    pub ticks: Option<u64>,
    /// Time between greetings.
    pub interval: Duration,
    /// Schedule the greeting but never run the loop.
    pub never_run: bool,
    /// Run the echo in this style instead of the greeting.
    pub echo: Option<EchoStyle>,
    /// How many messages the echo sends.
    pub messages: usize,
}

/// Runs what `config` asks for and returns the process's exit code.
pub fn run(config: &Config) -> i32 {
    let ctrl_c = shutdown::ctrl_c();
    if let Some(style) = config.echo {
        return run_echo(style, config.messages);
    }
    if config.never_run {
        match never_run::schedule_without_running(config.runtime, config.interval, ctrl_c)
        {
            Ok(lines) => lines.iter().for_each(|line| eprintln!("{line}")),
            Err(message) => fail(message),
        }
        return 0;
    }

    let stop = match config.ticks {
        Some(n) => format!("stops after {n}"),
        None => "Ctrl-C stops it".to_string(),
    };
    say(format!("A greeting every {}; {stop}.", format::duration(config.interval)));
    say(format!("On {}", config.runtime.description()));
    // The greetings carry times since the start; say when they come from a debug build.
    shared::machine::warn_if_debug_build();
    let (greeter, reason) = greet(config, ctrl_c);
    say(greeter.summary(reason));
    match reason {
        StopReason::CtrlC => shutdown::EXIT_INTERRUPTED,
        StopReason::TicksDone | StopReason::OutputClosed => 0,
    }
}

/// Drives the greeting on the chosen runtime until it stops.
fn greet(config: &Config, ctrl_c: &'static shutdown::Shutdown) -> (Greeter, StopReason) {
    let interval = config.interval;
    let mut greeter = Greeter::new(config.ticks);
    let reason = match config.runtime {
        Runtime::Callbacks => return runtimes::callbacks::run(greeter, interval, ctrl_c),
        Runtime::Futures => return runtimes::futures::run(greeter, interval, ctrl_c),
        Runtime::Tokio => runtimes::tokio::run(&mut greeter, interval, ctrl_c),
        Runtime::AsyncStd => runtimes::async_std::run(&mut greeter, interval, ctrl_c),
        Runtime::Smol => runtimes::smol::run(&mut greeter, interval, ctrl_c),
        Runtime::Sleep => runtimes::sleep::run(&mut greeter, interval, ctrl_c),
    };
    (greeter, reason)
}

/// Runs the echo and prints what came back.
fn run_echo(style: EchoStyle, count: usize) -> i32 {
    let messages = echo::messages(count);
    say(format!("Echo with {}", style.description()));
    let echoed = match echo::run(style, &messages) {
        Ok(echoed) => echoed,
        Err(err) => {
            eprintln!("error: the echo failed: {err}");
            return 1;
        }
    };
    say(format!("server: 127.0.0.1, port {} (the OS picked it)", echoed.address.port()));
    for reply in &echoed.replies {
        say(format!("echoed: {reply}"));
    }
    let unchanged = echoed.replies == messages;
    let verdict = if unchanged { "done" } else { "WRONG" };
    let how = if unchanged { "unchanged" } else { "changed or missing" };
    say(format!(
        "{verdict}: {} of {count} messages came back {how}",
        echoed.replies.len()
    ));
    if unchanged { 0 } else { 1 }
}
