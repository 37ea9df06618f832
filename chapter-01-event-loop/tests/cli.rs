//! The chapter's program, run for real: its output on every runtime, the
//! "never run" lesson, bad input and Ctrl-C.
//!
//! Snapshots redact every timing (see `shared::snapshot`), so they depend on
//! what the program says, not on how fast the machine is.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use insta_cmd::assert_cmd_snapshot;
use shared::testing::{assert_help_lists, assert_one_line_error};

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
    for runtime in ["callbacks", "tokio", "async-std", "smol"] {
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
        (&["--ticks", "abc"], "'abc' is not a whole number"),
        (&["--ticks", "0"], "at least 1"),
        (&["--interval", "-1"], "must be a positive duration"),
        (&["--interval", "0"], "must be a positive duration"),
        (&["--interval", "soon"], "is not a duration"),
        (
            &["--runtime", "nope"],
            "possible values: callbacks, tokio, async-std, smol, sleep",
        ),
        (
            &["--runtime", "sleep", "--never-run"],
            "the sleep loop has nothing to schedule",
        ),
        (&["--bogus"], "unexpected argument '--bogus'"),
    ];
    for (args, expected) in cases {
        assert_one_line_error(program(args), expected);
    }
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
            "callbacks",
            "tokio",
            "async-std",
            "smol",
            "sleep",
        ],
    );
}

/// Ctrl-C (SIGINT) stops every runtime cleanly: exit code 0 and a summary.
#[test]
fn ctrl_c_stops_every_runtime_with_a_summary() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    for runtime in ["callbacks", "tokio", "async-std", "smol", "sleep"] {
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
        assert!(status.success(), "{runtime}: {status}");
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
