//! The book's output blocks are real runs that still match their snapshots
//! (`course_book::output` says how): change what a program prints and this
//! test fails until the run is recaptured.

use std::collections::BTreeSet;
use std::fs;

use course_book::output::{self, Captured};
use course_book::{snapshot, workspace};

const RECAPTURE: &str =
    "rerun `bash book/measure.sh` or `cargo run --release -p course-book --bin capture`";

/// Every output a page shows has a snapshot and a captured run, and the
/// run, filtered as insta filters, equals the snapshot; no capture outlives
/// its page or snapshot.
#[test]
fn captured_runs_equal_their_snapshots_after_the_filters() {
    let shown = output::shown_by_pages();
    assert!(!shown.is_empty(), "no page includes an output/<crate>/<name>.txt block");
    let mut problems = Vec::new();
    for (one, pages) in &shown {
        let pages: Vec<_> = pages.iter().filter_map(|p| p.file_name()).collect();
        let what = format!("output/{one} (shown by {pages:?})");
        let Some(snapshot) = one.snapshot_path() else {
            problems.push(format!(
                "{what}: no snapshot {}/tests/snapshots/*{}.snap behind it",
                one.krate, one.name
            ));
            continue;
        };
        let Some(captured) = Captured::read(one) else {
            problems.push(format!("{what}: missing, never captured"));
            continue;
        };
        let text = fs::read_to_string(&snapshot).unwrap();
        // The run shown must be of the command the snapshot records.
        let expected =
            snapshot::recorded(&text).map(|r| r.command_line(snapshot::shown_env));
        match (&captured.command, &expected) {
            (None, _) => problems
                .push(format!("{what}: does not start with its `$ cargo run` line")),
            (Some(shown), Some(expected)) if shown != expected => problems.push(format!(
                "{what}: shows the command `{shown}`, the snapshot records `{expected}`"
            )),
            _ => {}
        }
        if let Err(diff) = output::compare(&one.krate, &text, &captured) {
            problems.push(format!("{what}: differs from {}: {diff}", snapshot.display()));
        }
    }
    let keys: BTreeSet<_> = shown.keys().cloned().collect();
    for path in output::stale_files(&keys) {
        problems.push(format!("{}: no page shows it (stale)", path.display()));
    }
    assert!(
        problems.is_empty(),
        "the book's captured runs are out of date; {RECAPTURE}:\n{}",
        problems.join("\n")
    );
}

/// The stamp every chapter page includes before its first output exists and
/// says that these are real runs whose numbers will differ.
#[test]
fn the_page_stamp_exists() {
    let stamp = fs::read_to_string(workspace::output_dir().join("stamp.md"))
        .unwrap_or_else(|_| panic!("book/src/output/stamp.md is missing; {RECAPTURE}"));
    let flat = stamp.replace("\n> ", " ");
    assert!(flat.contains("real runs"), "{stamp}");
    assert!(flat.contains("will differ"), "{stamp}");
    assert!(flat.contains("release build"), "{stamp}");
}
