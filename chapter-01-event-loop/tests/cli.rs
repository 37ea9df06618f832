//! The chapter's program, run for real: its output on every runtime, the
//! "never run" lesson, bad input and Ctrl-C.
//!
//! Snapshots redact every timing (see `shared::snapshot`), so they depend on
//! what the program says, not on how fast the machine is.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use insta_cmd::assert_cmd_snapshot;
use shared::testing::{assert_bad_inputs, assert_help_lists};

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-01-event-loop");

fn program(args: &[&str]) -> Command {
    let mut command = Command::new(PROGRAM);
    command.args(args);
    command
}

/// Applies the course's timing redactions to the snapshots in `body`.
fn redacted(body: impl FnOnce()) {
    shared::testing::redacted(chapter_01_event_loop::SNAPSHOT_FILTERS, body);
}

/// The default run is the article's program on the callback loop.
#[test]
fn callbacks_is_the_default() {
    redacted(|| {
        assert_cmd_snapshot!(
            "callbacks",
            program(&["--ticks", "3", "--interval", "20ms"])
        )
    });
}

/// The same three greetings as an async fn on the chapter's own loop.
#[test]
fn futures_greet_on_the_chapters_loop() {
    redacted(|| {
        assert_cmd_snapshot!(
            "futures",
            program(&["--runtime", "futures", "--ticks", "3", "--interval", "20ms"])
        )
    });
}

/// The echo returns every message, in each of its three styles.
#[test]
fn echo_in_every_style() {
    for style in ["callbacks", "futures", "tokio"] {
        let name = format!("echo_{style}");
        redacted(|| assert_cmd_snapshot!(name, program(&["--echo", style])));
    }
}

/// Every line the program prints, on stdout and stderr, fits 80 columns.
#[test]
fn every_line_fits_80_columns() {
    let runs: &[&[&str]] = &[
        &["--ticks", "2", "--interval", "1ms"],
        &["--runtime", "futures", "--ticks", "2", "--interval", "1ms"],
        &["--runtime", "tokio", "--ticks", "2", "--interval", "1ms"],
        &["--runtime", "async-std", "--ticks", "2", "--interval", "1ms"],
        &["--runtime", "smol", "--ticks", "2", "--interval", "1ms"],
        &["--runtime", "sleep", "--ticks", "2", "--interval", "1ms"],
        &["--never-run"],
        &["--runtime", "futures", "--never-run"],
        &["--runtime", "tokio", "--never-run"],
        &["--runtime", "smol", "--never-run"],
        &["--echo", "callbacks"],
        &["--echo", "futures"],
        &["--echo", "tokio"],
        &["--help"],
    ];
    for args in runs {
        let output = program(args).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        // The debug build's note is shared's and absent from release runs.
        for line in text.lines().filter(|line| !line.starts_with("note: debug build")) {
            assert!(line.chars().count() <= 80, "{args:?}: {line:?}");
        }
    }
}

/// The same three greetings on tokio.
#[test]
fn tokio_greets() {
    redacted(|| {
        assert_cmd_snapshot!(
            "tokio",
            program(&["--runtime", "tokio", "--ticks", "3", "--interval", "20ms"])
        )
    });
}

/// The same three greetings on async-std.
#[test]
fn async_std_greets() {
    redacted(|| {
        assert_cmd_snapshot!(
            "async_std",
            program(&["--runtime", "async-std", "--ticks", "3", "--interval", "20ms"])
        )
    });
}

/// The same three greetings on smol.
#[test]
fn smol_greets() {
    redacted(|| {
        assert_cmd_snapshot!(
            "smol",
            program(&["--runtime", "smol", "--ticks", "3", "--interval", "20ms"])
        )
    });
}

/// The same three greetings with no event loop at all.
#[test]
fn sleep_loop_greets() {
    redacted(|| {
        assert_cmd_snapshot!(
            "sleep",
            program(&["--runtime", "sleep", "--ticks", "3", "--interval", "20ms"])
        )
    });
}

/// Scheduled but never run: nothing on stdout, the reason on stderr.
#[test]
fn never_run_prints_nothing_on_any_runtime() {
    for runtime in ["callbacks", "futures", "tokio", "async-std", "smol"] {
        let name = format!("never_run_{}", runtime.replace('-', "_"));
        redacted(|| {
            assert_cmd_snapshot!(name, program(&["--runtime", runtime, "--never-run"]))
        });
    }
}

/// Bad input: exit code 2 and exactly one line on stderr that names the problem.
#[test]
fn bad_input_gets_one_clear_line() {
    let cases: &[(&[&str], &str)] = &[
        (&["--echo", "carrier-pigeon"], "possible values: callbacks, futures, tokio"),
        (&["--echo", "tokio", "--ticks", "3"], "cannot be used with"),
        (&["--echo", "tokio", "--messages", "0"], "at least 1"),
        (&["--ticks", "abc"], "'abc' is not a whole number"),
        (&["--ticks", "0"], "at least 1"),
        (&["--interval", "-1"], "must be a positive duration"),
        (&["--interval", "0"], "must be a positive duration"),
        (&["--interval", "soon"], "is not a duration"),
        (
            &["--runtime", "nope"],
            "possible values: callbacks, futures, tokio, async-std, smol, sleep",
        ),
        (
            &["--runtime", "sleep", "--never-run"],
            "the sleep loop has nothing to schedule",
        ),
        (&["--bogus"], "unexpected argument '--bogus'"),
    ];
    assert_bad_inputs(PROGRAM, cases);
}

/// `--help` lists every flag and every runtime.
#[test]
fn help_lists_every_flag() {
    assert_help_lists(
        program(&["--help"]),
        &[
            "--runtime",
            "--ticks",
            "--interval",
            "--never-run",
            "--echo",
            "--messages",
            "futures",
            "callbacks",
            "tokio",
            "async-std",
            "smol",
            "sleep",
        ],
    );
}

/// Ctrl-C (SIGINT) stops every runtime cleanly: a summary, then exit code 130.
#[test]
fn ctrl_c_stops_every_runtime_with_a_summary() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    for runtime in ["callbacks", "futures", "tokio", "async-std", "smol", "sleep"] {
        // A long interval: the program must be woken by the signal, not by a tick.
        let mut child = program(&["--runtime", runtime, "--interval", "1min"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        // Wait for the first greeting: by then the handler is installed.
        while !line.starts_with("Hello") {
            line.clear();
            assert_ne!(stdout.read_line(&mut line).unwrap(), 0, "{runtime}: no greeting");
        }
        let pid = Pid::from_raw(i32::try_from(child.id()).unwrap());
        kill(pid, Signal::SIGINT).unwrap();

        let started = Instant::now();
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{runtime}: {status}");
        assert!(
            rest.trim_end().ends_with("s")
                && rest.contains("stopped by Ctrl-C: 1 greeting in"),
            "{runtime}: {rest:?}"
        );
        // Far less than the one-minute interval: the signal woke the program.
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{runtime} waited for its timer"
        );
    }
}
