//! The Python side of the side-by-side experiments runs and agrees with Rust.
//!
//! The programs in `book/python/` run with a small limit and must compute the
//! same product as `shared::workload` (same bit length) and print one JSON
//! object per measurement, in the form `shared::record::Record` reads (the
//! struct the Rust side prints and the compare command pairs). Without
//! `python3` on the PATH this test says so and checks nothing else: the
//! course's Rust side does not need Python.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use shared::record::Record;
use shared::workload::{fingerprint, product_below};

const LIMIT: u32 = 3_000;

fn python_dir() -> PathBuf {
    course_book::workspace::root().join("book").join("python")
}

fn has_python() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}

/// Runs a program and returns its JSON lines, each also read as a `Record`.
fn run(script: &str, args: &[&str]) -> Vec<Value> {
    let output = Command::new("python3")
        .arg(python_dir().join(script))
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{script} failed: {stderr}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            Record::from_json_line(line).unwrap_or_else(|err| panic!("{script}: {err}"));
            serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("{script}: {err}: {line}"))
        })
        .collect()
}

/// Every program computes the Rust workload's product and reports its measurement.
#[test]
fn python_programs_agree_with_the_rust_workload() {
    if !has_python() {
        eprintln!("python3 not found: the Python side is not checked");
        return;
    }
    let expected = fingerprint(&product_below(LIMIT));
    let limit = LIMIT.to_string();
    let cases: [(&str, Vec<&str>, &str, usize); 4] = [
        ("one_call.py", vec!["--limit", &limit], "one_call", 1),
        ("asyncio_calls.py", vec!["--calls", "3", "--limit", &limit], "sequential", 1),
        ("thread_calls.py", vec!["--calls", "3", "--limit", &limit], "threads", 1),
        (
            "pool_calls.py",
            vec!["--calls", "3", "--limit", &limit, "--workers", "1", "2"],
            "pool",
            2,
        ),
    ];
    for (script, args, experiment, records) in cases {
        let lines = run(script, &args);
        assert_eq!(lines.len(), records, "{script}: one JSON line per measurement");
        for record in &lines {
            assert_eq!(record["experiment"], experiment, "{script}");
            assert_eq!(record["language"], "python", "{script}");
            assert_eq!(
                record["fingerprint"].as_u64(),
                Some(expected),
                "{script}: not the Rust product"
            );
            assert!(
                record["wall_s"].as_f64().is_some_and(|s| s >= 0.0),
                "{script}: wall_s"
            );
            assert!(record["cpu_s"].as_f64().is_some(), "{script}: cpu_s");
        }
    }
}

/// The mixed-task program reports tick gaps for the number of ticks asked.
#[test]
fn python_mixed_tasks_reports_tick_gaps() {
    if !has_python() {
        eprintln!("python3 not found: the Python side is not checked");
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

/// Bad input is refused with argparse's one-line error and exit code 2.
#[test]
fn python_programs_refuse_bad_input() {
    if !has_python() {
        eprintln!("python3 not found: the Python side is not checked");
        return;
    }
    let output = Command::new("python3")
        .arg(python_dir().join("one_call.py"))
        .args(["--limit", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("at least 1"));
}
