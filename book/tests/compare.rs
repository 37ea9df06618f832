//! The compare command, run for real with a tiny workload: both sides of each
//! experiment (the algorithms, the hybrid and the I/O ones too), paired in
//! one table, computing the same product; the keys the page quotes; the Rust
//! side alone when there is no Python; bad input refused in one line.
//! Nothing here asserts a timing.

mod common;

use std::collections::BTreeMap;
use std::process::Output;

use common::{has_python, succeeded, table};
use shared::record::Record;
use shared::workload::{fingerprint, product_below};

const LIMIT: u32 = 3_000;

/// The tiny run every test starts from: 3 calls, pools of 1 and 2, quick
/// ticks, a quick service and 40 connections in the scale-up.
fn compare(args: &[&str]) -> Output {
    let limit = LIMIT.to_string();
    let mut base = vec![
        "--limit",
        &limit,
        "--calls",
        "3",
        "--workers",
        "2,1",
        "--ticks",
        "3",
        "--interval",
        "20ms",
        "--wait",
        "20ms",
        "--connections",
        "40",
    ];
    base.extend_from_slice(args);
    common::compare(&base)
}

/// A measurement's place: experiment, pool size (for the pool), variant.
type Key = (String, Option<usize>, Option<String>);

/// The JSON lines of a `--json` run, by language, then by [`Key`].
fn records(output: &Output) -> BTreeMap<String, BTreeMap<Key, Record>> {
    common::records(output, |record| {
        let workers = record.workers.filter(|_| record.experiment == "pool");
        (record.experiment.clone(), workers, record.variant.clone())
    })
}

/// With python3, every experiment runs on both sides, the products agree, and
/// the table has one row per experiment and pool size, in order.
#[test]
fn both_sides_run_and_compute_the_same_product() {
    if !has_python("the Python side of compare (the no-python test checks Rust's)") {
        return;
    }
    let expected = fingerprint(&product_below(LIMIT));

    let output = compare(&["--json"]);
    succeeded(&output);
    let by_language = records(&output);
    assert_eq!(by_language.keys().collect::<Vec<_>>(), ["python", "rust"]);
    let experiments = |language: &str| {
        let mut names: Vec<String> =
            by_language[language].keys().map(|(name, _, _)| name.clone()).collect();
        names.dedup();
        names
    };
    assert_eq!(
        experiments("python"),
        experiments("rust"),
        "the same experiments on both sides"
    );
    assert_eq!(
        by_language["rust"].len(),
        24,
        "one_call, sequential, threads, pool N = 1 and 2, mixed_tasks, 3 algorithms, hybrid, \
         3 ways of io_calls, 2 of io_scale, chapter 5's 9 (tests/compare_chapter_05.rs)"
    );
    let variants = |language: &str, experiment: &str| {
        by_language[language]
            .values()
            .filter(|r| r.experiment == experiment)
            .map(|r| r.variant.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(variants("python", "algorithm"), ["loop", "math-factorial", "tree"]);
    assert_eq!(
        variants("rust", "algorithm"),
        ["loop-1-core", "parallel-tree-all-cores", "tree-1-core"]
    );
    assert_eq!(variants("python", "hybrid"), ["processes"]);
    assert_eq!(variants("rust", "hybrid"), ["processes"]);
    assert_eq!(variants("python", "io_calls"), ["asyncio", "threads"]);
    assert_eq!(variants("rust", "io_calls"), ["gil-model", "loop", "threads"]);
    assert_eq!(variants("python", "io_scale"), ["asyncio", "threads"]);
    assert_eq!(variants("rust", "io_scale"), ["tasks", "threads"]);
    for (language, records) in &by_language {
        for ((experiment, _, _), record) in records {
            if experiment.starts_with("io_")
                || experiment.starts_with("cancel_")
                || experiment.starts_with("channel_")
                || experiment == "semaphore"
            {
                // No product: requests to a service, chapter 5's jobs and
                // flows (checked in their own tests).
                continue;
            }
            assert_eq!(record.limit, LIMIT, "{language} {experiment}");
            if experiment == "mixed_tasks" {
                assert_eq!(record.ticks, Some(3), "{language}");
                assert!(
                    record.step_s.is_some_and(|s| s > 0.0),
                    "{language}: a CPU step was timed"
                );
            } else {
                if experiment == "hybrid" {
                    assert_eq!(record.workers, Some(2), "{language}: the hybrid's pool");
                    assert!(record.worst_lateness_s.is_some(), "{language}");
                    assert!(record.verdict.is_some(), "{language}");
                }
                if experiment == "algorithm" {
                    assert!(record.step_s.is_some(), "{language}: one call timed");
                }
                assert_eq!(
                    record.fingerprint,
                    Some(expected),
                    "{language} {experiment}: not the same product"
                );
                assert_eq!(
                    record.calls,
                    Some(if experiment == "one_call" { 1 } else { 3 }),
                    "{language} {experiment}"
                );
            }
        }
    }

    let text = succeeded(&compare(&[]));
    assert!(
        text.contains(&format!(
            "Same work on both sides: every product has {expected} bits."
        )),
        "{text}"
    );
    let labels: Vec<&str> = table(&text, "experiment ")
        .iter()
        .map(|line| line.split("  ").next().unwrap())
        .collect();
    assert_eq!(
        labels,
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
    // The algorithms' line pairs the loops and the trees.
    assert!(text.contains("  algorithm, one call: the loop "), "{text}");
    assert!(text.contains(" Rust (") && text.contains("; the tree "), "{text}");
    assert!(text.contains("  hybrid: "), "{text}");
    assert!(
        text.lines().any(|line| line.starts_with("Python 3.")),
        "the mixed tasks' table: {text}"
    );
    assert!(
        text.lines().any(|line| line.starts_with("Rust 1.")),
        "the mixed tasks' table: {text}"
    );
    assert!(
        text.contains("Python's threads ran one at a time"),
        "the GIL, named from the cores used: {text}"
    );
}

/// Without a usable Python the command says so, runs the Rust side alone and succeeds.
#[test]
fn without_python_runs_the_rust_side_only() {
    let output = compare(&[
        "--python",
        "/nonexistent/python3",
        "--experiments",
        "one_call,threads",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("Python not run: no Python at /nonexistent/python3. Running the Rust side only"),
        "{text}"
    );
    assert!(text.contains("  Rust  "), "{text}");
    assert!(!text.contains("  Python  "), "no Python measurement: {text}");
    let one_call = text.lines().find(|line| line.starts_with("one call ")).unwrap();
    assert!(one_call.contains('–'), "Python's cells are empty: {one_call}");

    let output = compare(&[
        "--python",
        "no-such-python-here",
        "--experiments",
        "one_call",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("no `no-such-python-here` on the PATH")
    );
    assert_eq!(records(&output).keys().collect::<Vec<_>>(), ["rust"]);
}

/// The records of `--json` render through the book's one renderer: a
/// table for the experiment, with the languages measured as its rows.
#[test]
fn records_render_through_the_books_renderer() {
    let stdout = succeeded(&compare(&["--experiments", "one_call", "--json"]));
    let records = course_book::render::read_records(&stdout).unwrap();
    assert!(!records.is_empty());
    let merged = course_book::merge::merge(&[records]).unwrap();
    let text = course_book::render::markdown("python-vs-rust", &merged, "here");
    assert!(text.starts_with("Measured on here.\n"), "{text}");
    assert!(text.contains("`one_call`"), "{text}");
    assert!(text.contains("rust"), "{text}");
    let removed = compare(&["--markdown", "x.md"]);
    assert_eq!(removed.status.code(), Some(2), "--markdown is gone");
}

/// The page quotes the algorithm's and the hybrid's values by key: the
/// renderer, given both languages' records, writes exactly those files.
#[test]
fn new_experiments_give_the_keys_the_page_includes() {
    if !has_python("the keys with a language") {
        return;
    }
    let stdout = succeeded(&compare(&["--experiments", "algorithm,hybrid", "--json"]));
    let records = course_book::render::read_records(&stdout).unwrap();
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
    ] {
        assert!(files.contains_key(&format!("{key}.txt")), "{key}: {files:?}");
    }
}

/// The I/O experiments pair Python's asyncio with tokio's one loop and
/// threads with threads: every request answered concurrently, every
/// connection of the scale-up answered, the scale-up in its own table, and
/// the keys the page quotes written by the renderer, with their units.
#[test]
fn io_experiments_pair_up_and_give_the_keys_the_page_includes() {
    let output = compare(&["--experiments", "io_scale,io_calls", "--json"]);
    let stdout = succeeded(&output);
    let by_language = records(&output);
    for (language, records) in &by_language {
        for ((experiment, _, variant), record) in records {
            let what = format!("{language} {experiment} {variant:?}");
            match experiment.as_str() {
                "io_calls" => {
                    assert_eq!(record.calls, Some(3), "{what}");
                    assert_eq!(record.verdict.as_deref(), Some("concurrent"), "{what}");
                }
                "io_scale" => {
                    assert_eq!(record.calls, Some(40), "{what}");
                    assert_eq!(record.verdict.as_deref(), Some("0 failed"), "{what}");
                    assert!(record.startup_s.is_some_and(|s| s > 0.0), "{what}");
                    assert!(record.memory_each_bytes.is_some_and(|m| m >= 0.0), "{what}");
                }
                other => panic!("{other}: not asked for"),
            }
        }
    }
    if !has_python("the pairing with Python") {
        return;
    }
    let records = course_book::render::read_records(&stdout).unwrap();
    let (files, repeated) = course_book::render::values(&records);
    assert!(repeated.is_empty(), "one record per key: {repeated:?}");
    for key in [
        "io_scale.tasks.rust",
        "io_scale.threads.rust",
        "io_scale.asyncio.python",
        "io_scale.threads.python",
    ] {
        let memory = &files[&format!("{key}.memory_each_bytes.txt")];
        assert!(memory.ends_with(" bytes") || memory.ends_with("iB"), "{key}: {memory}");
        let startup = &files[&format!("{key}.startup_s.txt")];
        assert!(startup.ends_with('s'), "{key}: {startup}");
    }
    for key in ["io_calls.loop.rust", "io_calls.asyncio.python"] {
        assert!(files.contains_key(&format!("{key}.wall_s.txt")), "{key}: {files:?}");
    }

    let text = succeeded(&compare(&["--experiments", "io_calls,io_scale"]));
    let scale: Vec<String> = table(&text, "connections ")
        .iter()
        .map(|line| line.split_whitespace().skip(1).take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(scale, ["Python tasks", "Rust tasks", "Python threads", "Rust threads"]);
    assert!(text.contains("  I/O, 3 requests to a slow service: "), "{text}");
    assert!(text.contains("  40 connections, each one took: "), "{text}");
}

/// Bad input: one line on stderr, exit code 2.
#[test]
fn refuses_bad_input() {
    for (args, expected) in [
        (&["--experiments", "gil"][..], "invalid value 'gil'"),
        (&["--experiments", "algorithm,io"][..], "invalid value 'io'"),
        (&["--calls", "0"][..], "at least 1"),
        (&["--workers", "1,x"][..], "not a whole number"),
        (&["--interval", "soon"][..], "not a duration"),
        (&["--wait", "soon"][..], "not a duration"),
        (&["--connections", "0"][..], "at least 1"),
        (&["--connections", "10001"][..], "10000"),
    ] {
        let output = common::compare(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

/// A run beside other busy work says so at the top of its summary (or on
/// stderr when there is no summary), naming what it measured: here two
/// threads of this test spin while it runs.
#[test]
fn a_busy_machine_is_named_at_the_top_of_the_summary() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let stop = Arc::new(AtomicBool::new(false));
    let spinners: Vec<_> = (0..2)
        .map(|_| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            })
        })
        .collect();
    let output = compare(&["--experiments", "one_call,threads"]);
    stop.store(true, Ordering::Relaxed);
    spinners.into_iter().for_each(|spinner| spinner.join().unwrap());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let said = if has_python("the summary's first line (stderr is read)") {
        stdout.split("Summary:\n").nth(1).unwrap_or_default().trim_start().to_string()
    } else {
        stderr.to_string()
    };
    assert!(
        said.starts_with("BUSY MACHINE: other programs kept"),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
}
