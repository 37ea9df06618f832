//! The chapter's program, run for real: each part, the records, the
//! pictures, bad input and Ctrl-C.
//!
//! Snapshots redact every timing (see `shared::snapshot`) and the counts
//! that depend on where a deadline fell (the chapter's `SNAPSHOT_FILTERS`),
//! so they keep what is certain: the lesson's words, which follow from the
//! measurements with wide margins (a job that runs on burns four steps after
//! its deadline, one that stops at most one).

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use insta_cmd::assert_cmd_snapshot;
use shared::draw::inspect;
use shared::record::Record;
use shared::testing::{assert_bad_inputs, assert_help_lists};

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-05-cancellation-and-backpressure");

fn program(args: &[&str]) -> Command {
    let mut command = Command::new(PROGRAM);
    command.args(args);
    command
}

/// Applies the course's timing redactions, and this chapter's, to `body`.
fn redacted(body: impl FnOnce()) {
    shared::testing::redacted(
        chapter_05_cancellation_and_backpressure::SNAPSHOT_FILTERS,
        body,
    );
}

/// Every line the program printed fits 80 columns.
fn assert_fits(args: &[&str]) -> String {
    let output = program(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?} in\n{text}");
    }
    text
}

/// Part 1: the ways side by side, JoinSet's aborts, the two loops.
#[test]
fn part_1_cancellation() {
    redacted(|| assert_cmd_snapshot!("cancel", program(&["--part", "cancel"])));
}

/// Part 2: the channels and the Semaphore, on a small run.
#[test]
fn part_2_backpressure() {
    let args = ["--part", "backpressure", "--items", "5000", "--requests", "300"];
    redacted(|| assert_cmd_snapshot!("backpressure", program(&args)));
}

/// Part 3: both fixes count every addition.
#[test]
fn part_3_state() {
    redacted(|| assert_cmd_snapshot!("state", program(&["--part", "state"])));
}

/// Every line of a whole (small) run fits 80 columns.
#[test]
fn lines_fit_80_columns() {
    let text = assert_fits(&["--items", "2000", "--requests", "100", "--steps", "3"]);
    assert!(
        text.contains("Part 1") && text.contains("Part 2") && text.contains("Part 3")
    );
}

/// `--json`: one record per way, under the experiment names the Python
/// side prints too, with the fields each one measures.
#[test]
fn json_records_name_every_experiment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.jsonl");
    let path_text = path.to_str().unwrap();
    let args = ["--items", "2000", "--requests", "100", "--json", path_text];
    assert!(program(&args).output().unwrap().status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    let records: Vec<Record> =
        text.lines().map(|line| Record::from_json_line(line).unwrap()).collect();
    let experiments: Vec<&str> = records.iter().map(|r| r.experiment.as_str()).collect();
    assert_eq!(
        experiments,
        [
            "cancel_timeout",
            "cancel_blocking",
            "cancel_blocking",
            "cancel_token",
            "cancel_process",
            "cancel_safety",
            "cancel_safety",
            "channel_unbounded",
            "channel_bounded",
            "semaphore",
            "semaphore",
        ]
    );
    let cancelled = &records[..5];
    assert!(cancelled.iter().all(|r| r.steps_started.is_some()
        && r.steps_finished.is_some()
        && r.cpu_after_deadline_ms.is_some()));
    assert_eq!(records[1].steps_finished, Some(10), "spawn_blocking runs to its end");
    assert_eq!(records[6].lost_messages, Some(0), "the buffered loop loses nothing");
    assert!(records[7..].iter().all(|r| r.peak_memory_bytes.is_some()
        && r.throughput_per_s.is_some()
        && r.latency_median_ms.is_some()
        && r.latency_worst_ms.is_some()));
    assert_eq!(records[8].bound, Some(64));
    assert_eq!(records[10].failures, Some(0));
}

/// `--pictures`: the deadlines as lanes (one per way, CPU after the
/// deadline in its own colour), memory over time as two lines.
#[test]
fn pictures_show_the_deadline_and_the_memory() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let args =
        ["--part", "all", "--items", "2000", "--requests", "100", "--pictures", folder];
    assert!(program(&args).output().unwrap().status.success());
    let lanes = std::fs::read_to_string(
        dir.path().join("chapter-05-cancellation-and-backpressure-deadlines.svg"),
    )
    .unwrap();
    let spans = inspect::of_class(&lanes, "span");
    let late = |lane: &str| {
        spans
            .iter()
            .filter(|s| s.get("lane") == Some(lane) && s.get("kind") == Some("held"))
            .count()
    };
    assert!(late("spawn_blocking") >= 1, "spawn_blocking's steps ran on");
    assert!(
        late("token") < late("spawn_blocking"),
        "the token stops the job, the blocking pool's job runs on"
    );
    let marks = inspect::of_class(&lanes, "mark").len();
    assert_eq!(marks, 10, "a deadline and a giving up per way");
    let memory = std::fs::read_to_string(
        dir.path().join("chapter-05-cancellation-and-backpressure-memory.svg"),
    )
    .unwrap();
    let series: std::collections::BTreeSet<String> = inspect::of_class(&memory, "point")
        .iter()
        .filter_map(|p| p.get("series").map(str::to_string))
        .collect();
    assert_eq!(series.into_iter().collect::<Vec<_>>(), ["bounded 64", "unbounded"]);
}

/// `--help` names the parts and the flags.
#[test]
fn help_names_the_parts() {
    assert_help_lists(
        program(&["--help"]),
        &[
            "--part",
            "cancel",
            "backpressure",
            "state",
            "--json",
            "--pictures",
            "--requests",
        ],
    );
}

/// Bad input: one line on stderr, exit code 2.
#[test]
fn bad_input_is_one_line() {
    assert_bad_inputs(
        PROGRAM,
        &[
            (&["--steps", "1"], "at least 2 steps"),
            (&["--part", "nope"], "nope"),
            (&["--requests", "0"], "at least 1"),
            (&["--requests", "20000"], "at most 10000"),
            (&["--service-wait", "-1s"], "positive"),
            (&["--json", "/proc/nope/runs.jsonl"], "cannot write"),
            (&["--pictures", "/proc/nope"], "cannot write into /proc/nope"),
        ],
    );
}

/// Ctrl-C (a real SIGINT) while Part 2 runs: the parts that ran stay
/// reported, the program says it stopped, and exits 130 at once.
#[test]
fn ctrl_c_stops_the_run() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;

    let mut child = program(&["--items", "200000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    // Part 1's report comes once it has run: Part 2 is running now.
    while !line.starts_with("Part 1") {
        line.clear();
        assert_ne!(stdout.read_line(&mut line).unwrap(), 0, "no Part 1");
    }
    let sent = Instant::now();
    kill(Pid::from_raw(i32::try_from(child.id()).unwrap()), Signal::SIGINT).unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status}: {rest}");
    assert!(rest.contains("stopped by Ctrl-C: the parts that ran"), "{rest}");
    assert!(!rest.contains("Part 2"), "Part 2 was stopped before its report: {rest}");
    assert!(sent.elapsed() < Duration::from_secs(30), "the run did not stop");
}
