//! The Python side of the side-by-side experiments, each program run alone.
//!
//! What the compare command's tests (`tests/compare.rs`, every record of
//! both sides, the same product in each) do not see of the programs in
//! `book/python/`: run alone, the hybrid's verdict follows its late ticks,
//! the mixed tasks' gaps are never under the interval, the I/O program runs
//! both parts or one, and bad input is refused. Without `python3` on the
//! PATH each test says so and checks nothing else: the course's Rust side
//! does not need Python.

mod common;

use common::{has_python, refuse_bad_input};
use shared::workload::{fingerprint, product_below};

const LIMIT: u32 = 3_000;

/// The program's JSON lines (each read as a `Record` too).
fn run(script: &str, args: &[&str]) -> Vec<serde_json::Value> {
    common::run(script, args).0
}

/// The mixed-task program reports tick gaps for the number of ticks asked.
#[test]
fn python_mixed_tasks_reports_tick_gaps() {
    if !has_python("the Python side") {
        return;
    }
    let lines =
        run("mixed_tasks.py", &["--ticks", "3", "--interval", "0.05", "--limit", "2000"]);
    assert_eq!(lines.len(), 1);
    let record = &lines[0];
    assert_eq!(record["experiment"], "mixed_tasks");
    assert_eq!(record["ticks"].as_u64(), Some(3));
    // A gap is an interval plus lateness: never shorter than the interval
    // (asyncio may fire a timer up to its clock resolution early: a 1 ms margin).
    assert!(record["max_gap_s"].as_f64().unwrap() >= 0.049);
}

/// The hybrid hands every call to a ProcessPoolExecutor and reports the
/// Rust product, the heartbeat's lateness and a verdict that matches it.
#[test]
fn python_hybrid_reports_the_heartbeat() {
    if !has_python("the Python side") {
        return;
    }
    let limit = LIMIT.to_string();
    let args =
        ["--calls", "4", "--limit", &limit, "--workers", "2", "--heartbeat", "0.05"];
    let lines = run("hybrid_pool.py", &args);
    assert_eq!(lines.len(), 1);
    let record = &lines[0];
    assert_eq!(record["experiment"], "hybrid");
    assert_eq!(record["variant"], "processes");
    assert_eq!(record["workers"].as_u64(), Some(2));
    assert_eq!(record["calls"].as_u64(), Some(4));
    assert_eq!(record["fingerprint"].as_u64(), Some(fingerprint(&product_below(LIMIT))));
    assert!(record["worst_lateness_s"].as_f64().is_some_and(|s| s >= 0.0), "{record}");
    let late = record["late_ticks"].as_u64().unwrap();
    let verdict = if late == 0 { "on time" } else { "late" };
    assert_eq!(record["verdict"], verdict, "{record}");
}

/// The slow service on loopback: asyncio and threads each answer every
/// client concurrently, then the scale-up reports, for tasks and threads,
/// the connections made, the start-up and the memory of each, none failed.
#[test]
fn python_io_calls_reports_both_clients_and_the_scale_up() {
    if !has_python("the Python side") {
        return;
    }
    let lines =
        run("io_calls.py", &["--clients", "3", "--wait", "0.05", "--scale", "50"]);
    let kinds: Vec<(&str, &str)> = lines
        .iter()
        .map(|r| (r["experiment"].as_str().unwrap(), r["variant"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("io_calls", "asyncio"),
            ("io_calls", "threads"),
            ("io_scale", "asyncio"),
            ("io_scale", "threads")
        ]
    );
    for record in &lines[..2] {
        assert_eq!(record["calls"].as_u64(), Some(3), "{record}");
        // Three requests that each wait 50 ms overlap: the lesson's word.
        assert_eq!(record["verdict"], "concurrent", "{record}");
    }
    for record in &lines[2..] {
        assert_eq!(record["calls"].as_u64(), Some(50), "{record}");
        assert_eq!(record["verdict"], "0 failed", "{record}");
        assert!(record["startup_s"].as_f64().is_some_and(|s| s > 0.0), "{record}");
        // Present when /proc tells the resident size (Linux); a number then.
        if let Some(memory) = record.get("memory_each_bytes") {
            assert!(memory.as_f64().is_some_and(|m| m >= 0.0), "{record}");
        }
    }
}

/// `--only` runs one part: the clients alone, or the scale-up alone (what
/// the compare command asks for, one experiment at a time).
#[test]
fn python_io_calls_runs_one_part_when_asked() {
    if !has_python("the Python side") {
        return;
    }
    let parts = |args: &[&str]| -> Vec<String> {
        run("io_calls.py", args)
            .iter()
            .map(|r| r["experiment"].as_str().unwrap_or("?").to_string())
            .collect()
    };
    let calls = parts(&["--only", "calls", "--clients", "2", "--wait", "0.02"]);
    assert_eq!(calls, ["io_calls", "io_calls"]);
    let scale = parts(&["--only", "scale", "--scale", "20", "--wait", "0.02"]);
    assert_eq!(scale, ["io_scale", "io_scale"]);
}

/// Bad input is refused with argparse's one-line error and exit code 2.
#[test]
fn python_programs_refuse_bad_input() {
    if !has_python("the Python side") {
        return;
    }
    let cases: [(&str, &[&str], &str); 5] = [
        ("one_call.py", &["--limit", "0"], "at least 1"),
        ("algorithm_calls.py", &["--calls", "0"], "at least 1"),
        ("algorithm_calls.py", &["--algorithms", "bogo"], "invalid choice"),
        ("hybrid_pool.py", &["--workers", "x"], "not a whole number"),
        ("io_calls.py", &["--clients", "0"], "at least 1"),
    ];
    refuse_bad_input(&cases);
}
