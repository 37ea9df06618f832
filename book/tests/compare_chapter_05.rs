//! The compare command's chapter 5 experiments, run for real with small
//! sizes: each language's ways of stopping a job and of bounding a flow,
//! their records in the fields the chapter prints, their own two tables
//! and the summary's lines. What holds on any machine is asserted (a job
//! on a thread pool runs every step, bounds and counts); no timing.

mod common;

use std::collections::BTreeMap;
use std::process::Output;

use common::{has_python, succeeded, table};
use shared::record::Record;

/// Chapter 5's experiments, as `--experiments` names them.
const EXPERIMENTS: &str = "cancel_timeout,cancel_blocking,cancel_token,cancel_process,\
                           channel_unbounded,channel_bounded,semaphore";

/// A quick service and 40 requests each way.
fn compare(args: &[&str]) -> Output {
    let base = ["--experiments", EXPERIMENTS, "--wait", "20ms", "--connections", "40"];
    common::compare(&[&base[..], args].concat())
}

/// The records of a `--json` run by language, then by experiment and variant.
fn records(output: &Output) -> BTreeMap<String, BTreeMap<(String, String), Record>> {
    common::records(output, |r| {
        (r.experiment.clone(), r.variant.clone().unwrap_or_default())
    })
}

/// Each side's ways, in the fields the chapter's records fill in: the
/// steps and the CPU after the deadline for the cancelled jobs, a job on a
/// thread pool running every step; memory, throughput and latency for the
/// flows, the bound where there is one, every request answered.
#[test]
fn chapter_5_runs_on_both_sides_in_the_chapters_fields() {
    let output = compare(&["--json"]);
    succeeded(&output);
    let by_language = records(&output);
    let keys = |language: &str| -> Vec<String> {
        by_language[language].keys().map(|(e, v)| format!("{e} {v}")).collect()
    };
    assert_eq!(
        keys("rust"),
        [
            "cancel_blocking rayon",
            "cancel_blocking spawn-blocking",
            "cancel_process killed",
            "cancel_timeout awaited-steps",
            "cancel_token token",
            "channel_bounded ",
            "channel_unbounded ",
            "semaphore capped",
            "semaphore uncapped",
        ]
    );
    if has_python("Python's side of chapter 5") {
        assert_eq!(
            keys("python"),
            [
                "cancel_blocking run-in-executor",
                "cancel_process killed",
                "cancel_timeout awaited-steps",
                "cancel_timeout steps-on-loop",
                "cancel_token token",
                "channel_bounded ",
                "channel_unbounded ",
                "semaphore capped",
                "semaphore uncapped",
            ]
        );
    }
    for records in by_language.values() {
        for ((experiment, variant), r) in records {
            let what = format!("{} {experiment} {variant}", r.language);
            if experiment.starts_with("cancel_") {
                assert!(r.step_s.is_some_and(|s| s > 0.0), "{what}");
                assert!(r.cpu_after_deadline_ms.is_some_and(|ms| ms >= 0.0), "{what}");
                let (started, finished) =
                    (r.steps_started.unwrap(), r.steps_finished.unwrap());
                assert!(finished <= started && started <= 6, "{what}");
                if experiment == "cancel_blocking" {
                    assert_eq!(finished, 6, "{what}: the job runs every step");
                    assert_eq!(r.verdict.as_deref(), Some("ran on"), "{what}");
                }
            } else {
                assert!(r.peak_memory_bytes.is_some_and(|b| b > 0), "{what}");
                assert!(r.throughput_per_s.is_some_and(|t| t > 0.0), "{what}");
                let (median, worst) =
                    (r.latency_median_ms.unwrap(), r.latency_worst_ms.unwrap());
                assert!(median <= worst, "{what}");
                let bounded = experiment == "channel_bounded" || variant == "capped";
                assert_eq!(r.bound.is_some(), bounded, "{what}");
                if experiment == "semaphore" {
                    assert_eq!(r.calls, Some(40), "{what}");
                    assert_eq!(r.failures, Some(0), "{what}");
                } else {
                    assert_eq!(r.calls, Some(20_000), "{what}");
                }
            }
        }
    }
}

/// The table: no chapter 5 row among the wall times; the two tables of the
/// chapter, a line per language and way; the summary's lines.
#[test]
fn chapter_5_has_its_own_tables_and_summary() {
    if !has_python("the paired tables") {
        return;
    }
    let text = succeeded(&compare(&[]));
    // Each line's first two cells.
    let table = |header: &str| -> Vec<String> {
        let lines = table(&text, header).into_iter();
        lines
            .map(|line| {
                let cells: Vec<&str> =
                    line.split("  ").filter(|c| !c.is_empty()).collect();
                format!("{} | {}", cells[0].trim(), cells[1].trim())
            })
            .collect()
    };
    assert!(table("experiment ").is_empty(), "no wall-time row: {text}");
    assert_eq!(
        table("stopped by "),
        [
            "timeout, awaited steps | Python",
            "timeout, awaited steps | Rust",
            "timeout, steps on the loop | Python",
            "handle timed out, a thread pool's job | Python",
            "handle timed out, a thread pool's job | Rust",
            "handle timed out, a rayon job | Rust",
            "token | Python",
            "token | Rust",
            "process killed | Python",
            "process killed | Rust",
        ]
    );
    assert_eq!(
        table("flow "),
        [
            "unbounded | Python",
            "unbounded | Rust",
            "bounded | Python",
            "bounded | Rust",
            "semaphore, uncapped | Python",
            "semaphore, uncapped | Rust",
            "semaphore, capped | Python",
            "semaphore, capped | Rust",
        ]
    );
    for start in [
        "  timeout: CPU after the deadline: Python (awaited-steps) ",
        "  handle timed out: CPU after the deadline: Python (run-in-executor) ",
        "  token: CPU after the deadline: Python ",
        "  process killed: CPU after the deadline: Python ",
        "  unbounded: Python peak memory ",
        "  bounded: Python peak memory ",
        "  semaphore: Python (uncapped) peak memory ",
    ] {
        assert!(text.lines().any(|line| line.starts_with(start)), "{start}: {text}");
    }
}
