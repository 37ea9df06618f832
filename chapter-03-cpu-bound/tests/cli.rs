//! The chapter's program, run for real: each mode, the summary, the I/O
//! contrast, bad input, the `--json` records, line widths and Ctrl-C.
//!
//! Snapshots keep what a run is sure to print (the verdict words, the counts,
//! the loop's finishing order) and redact what is not: timings and CPU ratios
//! (the shared filters), plus this chapter's numbers that depend on the
//! machine or on the scheduler: core and worker counts, how many calls
//! overlapped, how often the GIL changed hands, memory sizes, and the
//! finishing order of threads and tasks, which is random by nature.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use insta_cmd::assert_cmd_snapshot;
use shared::record::Record;
use shared::testing::{assert_bad_inputs, assert_help_lists};

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-03-cpu-bound");

/// Small runs: 6 calls of product_below(20 000), a few ms each, so that each
/// snapshot takes well under a second yet every call outlasts a GIL turn.
const SMALL: &[&str] = &["--calls", "6", "--limit", "20000"];

fn program(args: &[&str]) -> Command {
    let mut command = Command::new(PROGRAM);
    command.args(args);
    command
}

fn small(mode_and_flags: &[&str]) -> Command {
    program(&[mode_and_flags, SMALL].concat())
}

/// Applies the shared timing redactions and this chapter's to the snapshots in `body`.
fn redacted(body: impl FnOnce()) {
    shared::testing::redacted(chapter_03_cpu_bound::SNAPSHOT_FILTERS, body);
}

/// Snapshots that assume several cores say so instead of failing on one.
fn several_cores() -> bool {
    let cores = shared::machine::cores();
    if cores < 2 {
        eprintln!(
            "skipped: this snapshot shows a parallel run, and this machine has {cores} core"
        );
    }
    cores >= 2
}

/// The loop: one call after another, in call order, serialised.
#[test]
fn loop_mode() {
    redacted(|| assert_cmd_snapshot!("loop", small(&["loop"])));
}

/// Threads: parallel, finishing in the scheduler's order.
#[test]
fn threads_mode() {
    if several_cores() {
        redacted(|| assert_cmd_snapshot!("threads", small(&["threads"])));
    }
}

/// Threads under the GIL model: serialised, never two holders.
#[test]
fn gil_mode() {
    redacted(|| assert_cmd_snapshot!("gil", small(&["gil"])));
}

/// Tasks on a multi-threaded runtime: parallel, and the ticker is late.
#[test]
fn tasks_mode() {
    if several_cores() {
        redacted(|| assert_cmd_snapshot!("tasks", small(&["tasks"])));
    }
}

/// Every place in turn, then the summary table and a sentence per place.
#[test]
fn all_modes_and_summary() {
    if several_cores() {
        redacted(|| assert_cmd_snapshot!("all", small(&[])));
    }
}

/// On one core (as `taskset -c 0` gives it) the line under the table
/// follows each place's verdict: the threads were time-sliced, and the
/// summary says so instead of "at once, on several cores".
#[test]
fn the_summary_follows_the_verdict_on_one_core() {
    let output = small(&[]).env(shared::machine::CORES_OVERRIDE, "1").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let verdict = |place: &str| {
        let row = text.lines().find(|l| l.trim_start().starts_with(&format!("{place} ")));
        row.and_then(|row| row.split_whitespace().nth(1)).unwrap_or("?").to_string()
    };
    let said = |place: &str| {
        let line = text.lines().find(|l| l.starts_with(&format!("- {place}: ")));
        line.unwrap_or("?").to_string()
    };
    assert!(!text.contains("on several cores"), "{text}");
    for place in ["loop", "threads", "gil", "tasks"] {
        let expected = match verdict(place).as_str() {
            "time-sliced" => "took turns on one core",
            "serialised" if place == "gil" => "one thread compute at a time",
            "serialised" => "one call",
            other => panic!("{place}: {other} on one core\n{text}"),
        };
        assert!(said(place).contains(expected), "{place}: {}\n{text}", said(place));
    }
    assert_eq!(verdict("threads"), "time-sliced", "{text}");
}

/// Bad input: exit code 2 and exactly one line on stderr that names the problem.
#[test]
fn bad_input_gets_one_clear_line() {
    assert_bad_inputs(
        PROGRAM,
        &[
            (&["--calls", "0"], "0 is too small: the count must be at least 1"),
            (&["--calls", "-3"], "-3 is too small: the count must be at least 1"),
            (&["--calls", "99999999999999999999999"], "is too large"),
            (
                &["--calls", "10001"],
                "10001 is too large: the count must be at most 10000",
            ),
            (&["--calls", "twenty"], "'twenty' is not a whole number"),
            (&["--limit", "0"], "at least 1"),
            (&["--limit", "1000001"], "at most 1000000"),
            (&["--scale", "0"], "at least 1"),
            (&["--repeat", "0"], "at least 1"),
            (&["--repeat", "101"], "at most 100"),
            (&["--switch-interval", "0"], "must be a positive duration"),
            (&["--wait", "-1ms"], "must be a positive duration"),
            (&["fast"], "possible values: loop, threads, gil, tasks"),
            (&["--workload", "disk"], "possible values: cpu, io, both"),
            (&["--bogus"], "unexpected argument '--bogus'"),
            (
                &["loop", "--calls", "1", "--json", "/proc/nope/x.jsonl"],
                "/proc/nope/x.jsonl",
            ),
            (
                &["loop", "--calls", "1", "--pictures", "/proc/nope"],
                "cannot write into /proc/nope",
            ),
        ],
    );
}

/// `--help` lists every flag, place and workload, and the value names.
#[test]
fn help_lists_every_flag() {
    assert_help_lists(
        program(&["--help"]),
        &[
            "--workload",
            "--calls",
            "--limit",
            "--switch-interval",
            "--wait",
            "--scale",
            "--port",
            "--repeat",
            "--json",
            "--pictures",
            "loop",
            "threads",
            "gil",
            "tasks",
            "both",
            "[PLACE]",
            "--calls <N>",
            "--limit <LIMIT>",
            "--wait <DURATION>",
            "--json <PATH>",
            "--pictures <DIR>",
        ],
    );
}

/// A debug build that prints timings says so on stderr; a release build does not.
#[test]
fn a_debug_build_says_so() {
    let output = program(&["loop", "--calls", "1", "--limit", "100"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.contains("note: debug build"), cfg!(debug_assertions), "{stderr}");
}

/// `--json` writes one record per CPU place: experiment `calls`, the place as
/// its variant, the verdict, the counts, and the speedup against the loop.
#[test]
fn json_records_one_line_per_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.jsonl");
    let mut command = small(&["--json", path.to_str().unwrap()]);
    assert!(command.output().unwrap().status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    let records: Vec<Record> =
        text.lines().map(|line| Record::from_json_line(line).unwrap()).collect();
    let variants: Vec<_> = records.iter().filter_map(|r| r.variant.as_deref()).collect();
    assert_eq!(variants, ["loop", "threads", "gil-model", "tasks"]);
    let cores = shared::machine::cores();
    let spread = if cores > 1 { "parallel" } else { "time-sliced" };
    let verdicts: Vec<_> = records.iter().filter_map(|r| r.verdict.as_deref()).collect();
    assert_eq!(verdicts, ["serialised", spread, "serialised", spread]);
    let workers: Vec<_> = records.iter().filter_map(|r| r.workers).collect();
    assert_eq!(workers, [1, 6, 6, cores]);
    for record in &records {
        assert_eq!(
            (record.experiment.as_str(), record.language.as_str()),
            ("calls", "rust")
        );
        assert_eq!((record.calls, record.limit), (Some(6), 20_000));
        assert_eq!(record.fingerprint, Some(256_895), "the product's bit length");
        assert!(record.speedup.is_some(), "every mode is compared with the loop");
    }
    assert_eq!(records[0].speedup, Some(1.0), "the loop against itself");
    let late: Vec<_> = records.iter().map(|r| r.worst_lateness_s.is_some()).collect();
    assert_eq!(late, [true, false, false, true], "the ticker runs on the runtimes");
}

/// Every line the program prints fits 80 columns, in a real run with real
/// numbers (a debug build's note aside, which is the shared crate's).
#[test]
fn every_line_fits_80_columns() {
    for args in [&[][..], &["--workload", "both", "--repeat", "2", "--scale", "200"]] {
        let output = small(args).output().unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        let lines =
            text.lines().chain(stderr.lines().filter(|l| !l.starts_with("note: ")));
        for line in lines {
            assert!(
                line.chars().count() <= 80,
                "{} columns: {line}",
                line.chars().count()
            );
        }
    }
}

/// Ctrl-C (SIGINT) in the middle of the default run stops the current call
/// at its next multiplication, skips the other modes, says what finished,
/// and exits with 130, the code of a run stopped by SIGINT.
#[test]
fn ctrl_c_stops_cleanly() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    let mut child =
        program(&[]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    // The loop's header is printed just before its first call starts.
    while !line.starts_with("loop:") {
        line.clear();
        assert_ne!(stdout.read_line(&mut line).unwrap(), 0, "no loop header");
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    kill(Pid::from_raw(i32::try_from(child.id()).unwrap()), Signal::SIGINT).unwrap();

    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(shared::shutdown::EXIT_INTERRUPTED), "{rest}");
    assert!(
        rest.contains("stopped by Ctrl-C: ") && rest.contains(" of 20 calls finished"),
        "{rest}"
    );
    assert!(!rest.contains("threads:"), "a mode after the loop ran: {rest}");
    assert!(
        rest.trim_end()
            .ends_with("stopped by Ctrl-C: the places that ran are summarised above"),
        "{rest}"
    );
}
