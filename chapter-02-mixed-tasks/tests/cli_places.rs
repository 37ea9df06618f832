//! `--compare-places` and `--warn-slow`, run for real.
//!
//! The verdicts in the snapshots are stable by construction. The ticker
//! ticks every second, so late means more than 250 ms past due (a quarter
//! of the interval). On the loop, a burst of 8 steps (about 2.2 s on the
//! book's machine) runs one after the other and the ticker waits for all of
//! them: late by a second or more. Elsewhere the loop's thread only sleeps
//! and wakes when a tick is due, within milliseconds on a quiet machine;
//! with more CPU-bound threads than cores (the blocking pool starts one per
//! step) and the machine busy, the loop's thread waits for a core: up to
//! 80 ms seen beside two other helpers' builds, far below 250 ms. The one
//! verdict that depends on how fast threads start on a busy machine,
//! `block_in_place`'s, is redacted (see `SNAPSHOT_FILTERS`), as are all the
//! numbers. The slow-poll warnings come from a step of limit 100 000 (a
//! good part of a second, and longer under load) against 100 ms.

use std::process::Command;

use insta_cmd::assert_cmd_snapshot;
use shared::testing::{assert_bad_inputs, assert_help_lists};

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-02-mixed-tasks");

fn program(args: &[&str]) -> Command {
    let mut command = Command::new(PROGRAM);
    command.args(args);
    command
}

fn redacted(body: impl FnOnce()) {
    shared::testing::redacted(chapter_02_mixed_tasks::SNAPSHOT_FILTERS, body);
}

/// One table: every place, on time or late, every panic reported, the
/// same product everywhere.
#[test]
fn compare_places_prints_one_table() {
    let args = ["--compare-places", "--burst", "8", "--limit", "60000"];
    redacted(|| assert_cmd_snapshot!("compare_places", program(&args)));
}

/// With the step on the loop, the detector names the task that held it;
/// with the step offloaded, it says nothing.
#[test]
fn warn_slow_names_the_task_that_held_the_loop() {
    let base = ["--ticks", "2", "--warn-slow", "100ms"];
    // The intervals of `tests/cli.rs`, for the same reasons.
    let bounded = |extra: &[&str]| {
        let mut command = program(&base);
        let interval = if extra.contains(&"--offload") { "400ms" } else { "200ms" };
        command.args(["--interval", interval]);
        command.args(["--limit", "100000", "--only-ticks"]).args(extra);
        command
    };
    redacted(|| assert_cmd_snapshot!("warn_slow_blocked", bounded(&[])));
    redacted(|| assert_cmd_snapshot!("warn_slow_offloaded", bounded(&["--offload"])));
}

/// The threads a place started, read from the table: the own thread is
/// one, rayon's pool one per core (pinned to 3 here), and the blocking pool,
/// under a burst of 8 steps submitted at once, more than one.
#[test]
fn threads_started_where_they_are_certain() {
    let args = [
        "--compare-places",
        "--places",
        "thread,rayon,blocking-pool",
        "--burst",
        "8",
        "--limit",
        "20000",
    ];
    let output = program(&args).env("COURSE_CORES", "3").output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let threads = |place: &str| -> usize {
        let row = stdout.lines().find(|line| line.trim_start().starts_with(place));
        let row = row.unwrap_or_else(|| panic!("no row for {place}: {stdout}"));
        let words: Vec<&str> = row.split_whitespace().collect();
        let at = words.iter().rposition(|word| word.starts_with("thread")).unwrap();
        words[at - 1].parse().unwrap()
    };
    assert_eq!(threads("own thread"), 1, "{stdout}");
    assert_eq!(threads("rayon pool"), 3, "{stdout}");
    assert!(threads("spawn_blocking") >= 2, "{stdout}");
    assert!(stdout.lines().all(|line| line.chars().count() <= 80), "{stdout}");
}

/// `--help` lists the flags and every place.
#[test]
fn help_lists_the_places() {
    assert_help_lists(
        program(&["--help"]),
        &[
            "--compare-places",
            "--places",
            "--burst",
            "--warn-slow",
            "loop",
            "blocking-pool",
            "block-in-place",
            "rayon",
            "thread",
            "second-runtime",
        ],
    );
}

/// Bad input: one line on stderr, exit code 2.
#[test]
fn bad_input_gets_one_clear_line() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--compare-places", "--places", "gpu"],
            "possible values: loop, blocking-pool, block-in-place, rayon, thread, second-runtime",
        ),
        (&["--places", "loop"], "--compare-places"),
        (&["--compare-places", "--burst", "0"], "at least 1"),
        (&["--compare-places", "--runtime", "smol"], "cannot be used with"),
        (&["--warn-slow", "soon"], "is not a duration"),
    ];
    assert_bad_inputs(PROGRAM, cases);
}

/// Ctrl-C during a burst: the steps not yet started do not start, the run
/// says it was stopped, and the exit code is 130.
#[test]
fn ctrl_c_stops_the_comparison() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;

    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    let args = ["--compare-places", "--places", "loop,rayon", "--burst", "200"];
    let mut child = program(&args)
        .args(["--limit", "60000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("Where should CPU work go?"), "{first}");
    kill(Pid::from_raw(i32::try_from(child.id()).unwrap()), Signal::SIGINT).unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130), "{rest}");
    assert!(rest.contains("stopped by Ctrl-C"), "{rest}");
    assert!(!rest.contains("rayon pool"), "the next place did not start: {rest}");
}
