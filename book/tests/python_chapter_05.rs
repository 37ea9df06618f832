//! Chapter 5's Python side: `book/python/cancellation.py` and
//! `book/python/backpressure.py` run with small sizes, print records in the
//! form `shared::record::Record` reads (the fields the chapter's Rust records
//! fill in), and show the lesson in counts: which ways stop a job and where,
//! what `Future.cancel()` answers, how long a bounded queue grows, what the
//! semaphore lets fail. Without `python3` on the PATH each test says so and
//! checks nothing else.

mod common;

use common::{has_python, refuse_bad_input, run};
use serde_json::Value;

fn count(record: &Value, field: &str) -> u64 {
    record[field].as_u64().unwrap_or_else(|| panic!("{field}: {record}"))
}

/// The steps of the tests' job: steps on the loop may run two more steps
/// after the one in progress (asyncio's two loop passes), still short of
/// the end.
const STEPS: u64 = 8;

/// Five ways, five records in order. The timeout on awaited steps, the
/// timeout on steps on the loop and the token stop the job between steps,
/// before its end; the job on a thread runs every step and on past its
/// deadline, and `Future.cancel()` says False; the killed process never
/// finishes a step after the one it was in, and spends less CPU after the
/// deadline than the thread that ran on.
#[test]
fn cancellation_stops_the_job_where_each_way_can() {
    if !has_python("chapter 5's Python side") {
        return;
    }
    let steps = STEPS.to_string();
    let (lines, stderr) =
        run("cancellation.py", &["--steps", &steps, "--limit", "10000"]);
    let ways: Vec<(&str, &str)> = lines
        .iter()
        .map(|r| (r["experiment"].as_str().unwrap(), r["variant"].as_str().unwrap()))
        .collect();
    assert_eq!(
        ways,
        [
            ("cancel_timeout", "awaited-steps"),
            ("cancel_timeout", "steps-on-loop"),
            ("cancel_blocking", "run-in-executor"),
            ("cancel_token", "token"),
            ("cancel_process", "killed"),
        ]
    );
    let words = ["ran on", "stopped mid-step", "stopped at the step's end"];
    for record in &lines {
        assert_eq!(record["limit"].as_u64(), Some(10000), "{record}");
        assert!(record["step_s"].as_f64().is_some_and(|s| s > 0.0), "{record}");
        assert!(words.contains(&record["verdict"].as_str().unwrap()), "{record}");
        assert!(
            record["cpu_after_deadline_ms"].as_f64().is_some_and(|ms| ms >= 0.0),
            "{record}"
        );
    }
    let [awaited, on_loop, blocking, token, killed] = &lines[..] else {
        panic!("five records: {lines:?}");
    };
    for stopped in [awaited, on_loop, token] {
        assert_eq!(count(stopped, "steps_started"), count(stopped, "steps_finished"));
        assert!(count(stopped, "steps_finished") < STEPS, "{stopped}");
    }
    assert_eq!(blocking["verdict"], "ran on", "{blocking}");
    assert_eq!(count(blocking, "steps_finished"), STEPS, "{blocking}");
    assert!(
        stderr.contains("run-in-executor: Future.cancel() returned False;"),
        "{stderr}"
    );
    assert_ne!(killed["verdict"], "ran on", "{killed}");
    assert!(count(killed, "steps_started") <= count(killed, "steps_finished") + 1);
    assert!(count(killed, "steps_finished") < STEPS, "{killed}");
    let after = |r: &Value| r["cpu_after_deadline_ms"].as_f64().unwrap();
    assert!(after(blocking) > 0.0, "{blocking}");
    assert!(after(killed) < after(blocking), "{killed} against {blocking}");
}

/// The bounded queue first, then the unbounded one: the bound is in its
/// record and its queue never held more, its memory "flat"; the unbounded
/// queue held more than the bound and its memory "grew", to a higher peak.
#[test]
fn backpressure_bounds_the_queue_and_its_memory() {
    if !has_python("chapter 5's Python side") {
        return;
    }
    let args = [
        "--only",
        "channel_bounded",
        "channel_unbounded",
        "--items",
        "2000",
        "--bound",
        "8",
    ];
    let (lines, stderr) = run("backpressure.py", &args);
    let experiments: Vec<&str> =
        lines.iter().map(|r| r["experiment"].as_str().unwrap()).collect();
    assert_eq!(experiments, ["channel_bounded", "channel_unbounded"]);
    let (bounded, unbounded) = (&lines[0], &lines[1]);
    assert_eq!(bounded["bound"].as_u64(), Some(8), "{bounded}");
    assert!(unbounded.get("bound").is_none(), "{unbounded}");
    for record in &lines {
        assert_eq!(count(record, "calls"), 2000, "{record}");
        assert!(record["throughput_per_s"].as_f64().is_some_and(|t| t > 0.0));
        let (median, worst) = (
            record["latency_median_ms"].as_f64().unwrap(),
            record["latency_worst_ms"].as_f64().unwrap(),
        );
        assert!(0.0 < median && median <= worst, "{record}");
    }
    let held: Vec<u64> = stderr
        .lines()
        .filter_map(|line| line.trim().strip_prefix("the queue held at most "))
        .map(|rest| rest.split(' ').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(held.len(), 2, "{stderr}");
    assert!(held[0] <= 8, "the bounded queue: {stderr}");
    assert!(held[1] > 8, "the unbounded queue: {stderr}");
    assert_eq!(bounded["verdict"], "flat", "{bounded}");
    assert_eq!(unbounded["verdict"], "grew", "{unbounded}");
    assert!(
        count(unbounded, "peak_memory_bytes") > count(bounded, "peak_memory_bytes"),
        "{bounded} against {unbounded}"
    );
}

/// The capped requests first, then the uncapped ones, to the slow service
/// on loopback: every request answered both ways, the cap in the capped
/// record.
#[test]
fn semaphore_caps_the_requests_in_flight() {
    if !has_python("chapter 5's Python side") {
        return;
    }
    let args =
        ["--only", "semaphore", "--requests", "60", "--permits", "10", "--wait", "0.02"];
    let (lines, _) = run("backpressure.py", &args);
    let variants: Vec<&str> =
        lines.iter().map(|r| r["variant"].as_str().unwrap()).collect();
    assert_eq!(variants, ["capped", "uncapped"]);
    assert_eq!(lines[0]["bound"].as_u64(), Some(10));
    assert!(lines[1].get("bound").is_none());
    for record in &lines {
        assert_eq!(record["experiment"], "semaphore");
        assert_eq!(count(record, "calls"), 60, "{record}");
        assert_eq!(count(record, "failures"), 0, "{record}");
        assert!(count(record, "peak_memory_bytes") > 0, "{record}");
    }
}

/// Bad input: argparse's one-line error, exit code 2, no record.
#[test]
fn chapter_05_programs_refuse_bad_input() {
    if !has_python("chapter 5's Python side") {
        return;
    }
    let cases: [(&str, &[&str], &str); 3] = [
        ("cancellation.py", &["--steps", "0"], "at least 1"),
        ("cancellation.py", &["--ways", "drop"], "invalid choice"),
        ("backpressure.py", &["--bound", "x"], "not a whole number"),
    ];
    refuse_bad_input(&cases);
}
