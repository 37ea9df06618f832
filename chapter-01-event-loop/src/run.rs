//! What the program does with its command line: the greeting on one
//! runtime, the never-run demonstration, or the echo. `main.rs` parses the
//! arguments into a [`Config`] and calls [`run`]; `shared::exit` turns the
//! outcome into the exit code.

use shared::cli::say;
use shared::exit::Error;
use shared::format;
use shared::shutdown::Shutdown;

use crate::config::Config;
use crate::echo::{self, EchoStyle};
use crate::greeter::{Greeter, StopReason};
use crate::never_run;
use crate::runtimes::{self, Runtime};

/// Runs what `config` asks for; Ctrl-C (`shutdown`) ends the greeting.
pub fn run(config: &Config, shutdown: &'static Shutdown) -> Result<(), Error> {
    if let Some(style) = config.echo {
        return run_echo(style, config.messages);
    }
    if config.never_run {
        let lines = never_run::schedule_without_running(
            config.runtime,
            config.interval,
            shutdown,
        )
        .map_err(Error::BadInput)?;
        lines.iter().for_each(|line| eprintln!("{line}"));
        return Ok(());
    }

    let stop = match config.ticks {
        Some(n) => format!("stops after {n}"),
        None => "Ctrl-C stops it".to_string(),
    };
    say(format!("A greeting every {}; {stop}.", format::duration(config.interval)));
    say(format!("On {}", config.runtime.description()));
    // The greetings carry times since the start; say when they come from a debug build.
    shared::machine::warn_if_debug_build();
    let (greeter, reason) = greet(config, shutdown);
    say(greeter.summary(reason));
    Ok(())
}

/// Drives the greeting on the chosen runtime until it stops.
fn greet(config: &Config, shutdown: &'static Shutdown) -> (Greeter, StopReason) {
    let interval = config.interval;
    let mut greeter = Greeter::new(config.ticks);
    let reason = match config.runtime {
        Runtime::Callbacks => {
            return runtimes::callbacks::run(greeter, interval, shutdown);
        }
        Runtime::Futures => return runtimes::futures::run(greeter, interval, shutdown),
        Runtime::Tokio => runtimes::tokio::run(&mut greeter, interval, shutdown),
        Runtime::AsyncStd => runtimes::async_std::run(&mut greeter, interval, shutdown),
        Runtime::Smol => runtimes::smol::run(&mut greeter, interval, shutdown),
        Runtime::Sleep => runtimes::sleep::run(&mut greeter, interval, shutdown),
    };
    (greeter, reason)
}

/// Runs the echo and prints what came back.
fn run_echo(style: EchoStyle, count: usize) -> Result<(), Error> {
    let messages = echo::messages(count);
    say(format!("Echo with {}", style.description()));
    let echoed = echo::run(style, &messages)
        .map_err(|err| Error::Failed(format!("the echo failed: {err}")))?;
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
    if unchanged {
        Ok(())
    } else {
        Err(Error::Failed("the echo did not come back unchanged".to_string()))
    }
}
