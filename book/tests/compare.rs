//! The compare command, run for real with a tiny workload: every
//! experiment on both sides (the Rust side alone without Python), their
//! records in the fields the chapters print, the same product, the keys
//! the page quotes, the tables and the summary; bad input refused in one
//! line; a busy machine named. Nothing here asserts a timing.

mod common;

use std::collections::BTreeMap;
use std::process::Output;

use common::{has_python, succeeded};
use shared::record::Record;
use shared::workload::{fingerprint, product_below};

const LIMIT: u32 = 3_000;

/// The tiny run every test starts from: 3 calls, pools of 1 and 2, quick
/// ticks, a quick service, 40 connections in the scale-up and 40 requests
/// through chapter 5's semaphore.
fn compare(args: &[&str]) -> Output {
    let base = format!(
        "--limit {LIMIT} --calls 3 --workers 2,1 --ticks 3 --interval 20ms --wait 20ms \
         --connections 40"
    );
    let base: Vec<&str> = base.split_whitespace().collect();
    common::compare(&[&base[..], args].concat())
}

/// The records of a `--json` run, by language, then by experiment, pool
/// size (for the pool) and variant, as `experiment [N] [variant]`.
fn records(output: &Output) -> BTreeMap<String, BTreeMap<String, Record>> {
    common::records(output, |r| {
        let workers = r.workers.filter(|_| r.experiment == "pool").map(|n| n.to_string());
        let words = [Some(r.experiment.clone()), workers, r.variant.clone()];
        words.into_iter().flatten().collect::<Vec<_>>().join(" ")
    })
}

/// Every measurement each side gives, one record each, by [`records`]'
/// key.
const RUST: &str = "\
algorithm loop-1-core, algorithm parallel-tree-all-cores, algorithm tree-1-core, \
cancel_blocking rayon, cancel_blocking spawn-blocking, cancel_process killed, \
cancel_timeout awaited-steps, cancel_token token, channel_bounded, \
channel_unbounded, hybrid processes, io_calls gil-model, io_calls loop, \
io_calls threads, io_scale tasks, io_scale threads, mixed_tasks, one_call, \
pool 1, pool 2, semaphore capped, semaphore uncapped, sequential, threads";
const PYTHON: &str = "\
algorithm loop, algorithm math-factorial, algorithm tree, \
cancel_blocking run-in-executor, cancel_process killed, \
cancel_timeout awaited-steps, cancel_timeout steps-on-loop, cancel_token token, \
channel_bounded, channel_unbounded, hybrid processes, io_calls asyncio, \
io_calls threads, io_scale asyncio, io_scale threads, mixed_tasks, one_call, \
pool 1, pool 2, semaphore capped, semaphore uncapped, sequential, threads";

/// Every experiment runs on both sides (Rust's alone without Python), each
/// record in its chapter's fields, every product the same; the records
/// render through the book's renderer, with the keys the page quotes.
#[test]
fn every_experiment_runs_in_the_chapters_fields() {
    let output = compare(&["--json"]);
    let stdout = succeeded(&output);
    let by_language = records(&output);
    let keys = |language: &str| {
        by_language[language].keys().cloned().collect::<Vec<_>>().join(", ")
    };
    assert_eq!(keys("rust"), RUST);
    let python = has_python("the Python side of compare");
    if python {
        assert_eq!(keys("python"), PYTHON);
    }
    for record in by_language.values().flat_map(BTreeMap::values) {
        the_chapters_fields(record);
    }

    let records = course_book::records::read_records(&stdout).unwrap();
    let merged = course_book::merge::merge(std::slice::from_ref(&records)).unwrap();
    let page = course_book::render::markdown("python-vs-rust", &merged, "here");
    assert!(
        page.starts_with("Measured on here.\n")
            && page.contains("`one_call`")
            && page.contains("rust")
    );
    if !python {
        return;
    }
    let (files, repeated) = course_book::render::values(&records);
    assert!(repeated.is_empty(), "one record per key: {repeated:?}");
    for key in [
        "algorithm.loop.python.step_s",
        "algorithm.math-factorial.python.step_s",
        "algorithm.tree.python.step_s",
        "algorithm.loop-1-core.rust.step_s",
        "algorithm.tree-1-core.rust.step_s",
        "algorithm.parallel-tree-all-cores.rust.step_s",
        "hybrid.processes.2.python.worst_lateness_s",
        "hybrid.processes.2.rust.worst_lateness_s",
        "io_calls.loop.rust.wall_s",
        "io_calls.asyncio.python.wall_s",
    ] {
        assert!(files.contains_key(&format!("{key}.txt")), "{key}: {files:?}");
    }
    for key in ["tasks.rust", "threads.rust", "asyncio.python", "threads.python"] {
        let memory = &files[&format!("io_scale.{key}.memory_each_bytes.txt")];
        assert!(memory.ends_with(" bytes") || memory.ends_with("iB"), "{key}: {memory}");
        let startup = &files[&format!("io_scale.{key}.startup_s.txt")];
        assert!(startup.ends_with('s'), "{key}: {startup}");
    }
}

/// What holds on any machine, in each experiment's own fields: the same
/// product at the same size; every request answered concurrently, every
/// connection answered; a job on a thread pool runs every step; a flow's
/// bound where there is one, every request answered.
fn the_chapters_fields(r: &Record) {
    let what = format!("{} {} {:?}", r.language, r.experiment, r.variant);
    match r.experiment.as_str() {
        "io_calls" => {
            assert_eq!(r.calls, Some(3), "{what}");
            assert_eq!(r.verdict.as_deref(), Some("concurrent"), "{what}");
        }
        "io_scale" => {
            assert_eq!(r.calls, Some(40), "{what}");
            assert_eq!(r.verdict.as_deref(), Some("0 failed"), "{what}");
            assert!(r.startup_s.is_some_and(|s| s > 0.0), "{what}");
            assert!(r.memory_each_bytes.is_some_and(|m| m >= 0.0), "{what}");
        }
        cancel if cancel.starts_with("cancel_") => {
            assert!(r.step_s.is_some_and(|s| s > 0.0), "{what}");
            assert!(r.cpu_after_deadline_ms.is_some_and(|ms| ms >= 0.0), "{what}");
            let (started, finished) =
                (r.steps_started.unwrap(), r.steps_finished.unwrap());
            assert!(finished <= started && started <= 6, "{what}");
            if cancel == "cancel_blocking" {
                assert_eq!(finished, 6, "{what}: the job runs every step");
                assert_eq!(r.verdict.as_deref(), Some("ran on"), "{what}");
            }
        }
        flow @ ("channel_unbounded" | "channel_bounded" | "semaphore") => {
            assert!(r.peak_memory_bytes.is_some_and(|b| b > 0), "{what}");
            assert!(r.throughput_per_s.is_some_and(|t| t > 0.0), "{what}");
            assert!(
                r.latency_median_ms.unwrap() <= r.latency_worst_ms.unwrap(),
                "{what}"
            );
            let bounded =
                flow == "channel_bounded" || r.variant.as_deref() == Some("capped");
            assert_eq!(r.bound.is_some(), bounded, "{what}");
            let (items, failures) =
                if flow == "semaphore" { (40, Some(0)) } else { (20_000, None) };
            assert_eq!((r.calls, r.failures), (Some(items), failures), "{what}");
        }
        "mixed_tasks" => {
            assert_eq!((r.limit, r.ticks), (LIMIT, Some(3)), "{what}");
            assert!(r.step_s.is_some_and(|s| s > 0.0), "{what}: a CPU step was timed");
        }
        experiment => {
            let calls = if experiment == "one_call" { 1 } else { 3 };
            let product = fingerprint(&product_below(LIMIT));
            assert_eq!(r.limit, LIMIT, "{what}");
            assert_eq!(r.fingerprint, Some(product), "{what}: not the same product");
            assert_eq!(r.calls, Some(calls), "{what}");
            if experiment == "hybrid" {
                assert_eq!(r.workers, Some(2), "{what}: the hybrid's pool");
                assert!(r.worst_lateness_s.is_some() && r.verdict.is_some(), "{what}");
            }
            if experiment == "algorithm" {
                assert!(r.step_s.is_some(), "{what}: one call timed");
            }
        }
    }
}

/// The cells `columns` of each line of the table in `text` whose header
/// starts with `header`, ` | ` apart.
fn column(text: &str, header: &str, columns: &[usize]) -> Vec<String> {
    let lines = common::table(text, header).into_iter();
    let cells =
        lines.map(|line| line.split("  ").map(str::trim).filter(|c| !c.is_empty()));
    let chosen = cells.map(|cells| {
        let cells: Vec<&str> = cells.collect();
        // An experiment's own line above its ways has its name alone.
        let chosen = columns.iter().filter_map(|&at| cells.get(at).copied());
        chosen.collect::<Vec<_>>().join(" | ")
    });
    chosen.collect()
}

/// With Python, the tables pair both sides, a line per language: of each
/// experiment and pool size in the wall times, in order; of each way in the
/// loops', the scale-up's and chapter 5's own tables. The products agree;
/// the summary puts each experiment in words; every line fits 80 columns.
#[test]
fn the_tables_pair_both_sides_and_the_summary_tells_each() {
    if !has_python("the paired tables") {
        return;
    }
    let text = succeeded(&compare(&[]));
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "wider than a terminal: {line}");
    }
    let bits = fingerprint(&product_below(LIMIT));
    assert!(
        text.contains(&format!(
            "Same work on both sides: every product has {bits} bits."
        ))
    );
    // A line per language, the experiment's name on each.
    let mut experiments = column(&text, "experiment ", &[0]);
    experiments.dedup();
    assert_eq!(
        experiments,
        [
            "one call",
            "3 calls on an event loop",
            "3 calls on 3 threads",
            "3 calls on a pool of 1 process",
            "3 calls on a pool of 2 processes",
            "3 calls, loop",
            "3 calls, tree",
            "3 calls, parallel tree",
            "3 calls, math.factorial",
            "3 calls, hybrid of 2 processes",
            "3 requests, tasks on one loop",
            "3 requests on 3 threads",
            "3 requests, threads, GIL model",
        ]
    );
    // A loop's name, its version left out: `Python 3.12.1, mixed`.
    let loops: Vec<String> = (column(&text, "loop ", &[0]).iter())
        .map(|cell| {
            let (name, version_and_loop) = cell.split_once(' ').unwrap();
            format!("{name}, {}", version_and_loop.split_once(", ").unwrap().1)
        })
        .collect();
    assert_eq!(loops, ["Python, mixed", "Rust, mixed", "Python, hybrid", "Rust, hybrid"]);
    assert_eq!(
        column(&text, "as ", &[0]),
        ["Python tasks", "Rust tasks", "Python threads", "Rust threads"]
    );
    assert_eq!(
        column(&text, "stopped by ", &[0, 1]),
        [
            "timeout",
            "awaited steps | Python",
            "awaited steps | Rust",
            "steps on the loop | Python",
            "handle timed out",
            "a thread pool's job | Python",
            "a thread pool's job | Rust",
            "a rayon job | Rust",
            "token | Python",
            "token | Rust",
            "process killed | Python",
            "process killed | Rust",
        ]
    );
    assert_eq!(
        column(&text, "flow ", &[0, 1]),
        [
            "unbounded | Python",
            "unbounded | Rust",
            "bounded | Python",
            "bounded | Rust",
            "semaphore",
            "uncapped | Python",
            "uncapped | Rust",
            "capped | Python",
            "capped | Rust",
        ]
    );
    // The summary's lines as said, before they were fitted to 80 columns.
    let summary = text.split("Summary:\n").nth(1).unwrap_or_default();
    let summary = summary.replace("\n    ", " ");
    for said in [
        "  algorithm, one call: the loop ",
        " Rust (",
        "; the tree ",
        "  hybrid: ",
        "Python's threads ran one at a time",
        "  I/O, 3 requests to a slow service: ",
        "  40 connections, each one took: ",
        "  timeout: CPU after the deadline: Python (awaited-steps) ",
        "  handle timed out: CPU after the deadline: Python (run-in-executor) ",
        "  token: CPU after the deadline: Python ",
        "  process killed: CPU after the deadline: Python ",
        "  unbounded: Python peak memory ",
        "  bounded: Python peak memory ",
        "  semaphore: Python (uncapped) peak memory ",
    ] {
        assert!(summary.contains(said), "{said}: {text}");
    }
}

/// Without a usable Python the command says why, runs the Rust side alone
/// (a line per experiment, Rust's) and succeeds.
#[test]
fn without_python_runs_the_rust_side_only() {
    let nowhere =
        ["--python", "/nonexistent/python3", "--experiments", "one_call,threads"];
    let text = succeeded(&compare(&nowhere));
    let why =
        "Python not run: no Python at /nonexistent/python3. Running the Rust side only";
    assert!(text.replace("\n  ", " ").contains(why), "{text}");
    assert!(text.contains("  Rust  ") && !text.contains("  Python  "), "{text}");
    assert_eq!(column(&text, "experiment ", &[1]), ["Rust", "Rust"], "{text}");

    let output =
        compare(&["--python", "no-such-python", "--experiments", "one_call", "--json"]);
    succeeded(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no `no-such-python` on the PATH"), "{stderr}");
    assert_eq!(records(&output).keys().collect::<Vec<_>>(), ["rust"]);
}

/// `--help` names the options; bad input gets one line on stderr, exit
/// code 2 (`--markdown` is gone: the book renders `--json`'s lines).
#[test]
fn helps_and_refuses_bad_input() {
    let program = env!("CARGO_BIN_EXE_compare");
    let mut help = std::process::Command::new(program);
    help.arg("--help");
    shared::testing::assert_help_lists(help, &["--experiments", "--python", "--json"]);
    shared::testing::assert_bad_inputs(
        program,
        &[
            (&["--experiments", "gil"], "invalid value 'gil'"),
            (&["--experiments", "algorithm,io"], "invalid value 'io'"),
            (&["--calls", "0"], "at least 1"),
            (&["--workers", "1,x"], "not a whole number"),
            (&["--interval", "soon"], "not a duration"),
            (&["--wait", "soon"], "not a duration"),
            (&["--connections", "0"], "at least 1"),
            (&["--connections", "10001"], "10000"),
            (&["--markdown", "x.md"], "--markdown"),
        ],
    );
}

/// A run beside other busy work says so at the top of its summary (or on
/// stderr when there is no summary), naming what it measured: here two
/// threads of this test spin while it runs.
#[test]
fn a_busy_machine_is_named_at_the_top_of_the_summary() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let stop = AtomicBool::new(false);
    let output = std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            });
        }
        let output = compare(&["--experiments", "one_call,threads"]);
        stop.store(true, Ordering::Relaxed);
        output
    });
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let said = if has_python("the summary's first line (stderr is read)") {
        stdout.split("Summary:\n").nth(1).unwrap_or_default().trim_start().to_string()
    } else {
        stderr.to_string()
    };
    assert!(said.starts_with("BUSY MACHINE: other programs kept"), "{stdout}\n{stderr}");
}
