//! The algorithm comparison (`--algorithms`), run for real: the four ways in
//! order, one product, the records, and the `--algorithm` flag's limits.
//!
//! Timings and speedups are redacted; what stays is certain: the ways, their
//! order, the call counts and the product's size in bits.

use std::process::Command;

use chapter_04_parallelism::pictures;
use insta_cmd::assert_cmd_snapshot;
use shared::draw::inspect;
use shared::record::Record;
use shared::testing::{assert_bad_inputs, assert_help_lists};

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-04-parallelism");

/// The program, told that the machine has 2 cores (see `tests/cli.rs`).
fn program(args: &[&str]) -> Command {
    let mut command = Command::new(PROGRAM);
    command.args(args).env(shared::machine::CORES_OVERRIDE, "2");
    command
}

/// A small comparison prints the four ways in order, the table and the
/// summary, and every way computed the same product.
#[test]
fn algorithms_compares_four_ways() {
    shared::testing::redacted(chapter_04_parallelism::SNAPSHOT_FILTERS, || {
        assert_cmd_snapshot!(
            "algorithms",
            program(&["--algorithms", "--calls", "4", "--limit", "4000"])
        )
    });
}

/// `--json` writes one record per way, in order, all with the same
/// fingerprint, the baseline at 1×; `--pictures` draws one bar per way, as
/// long as its record's wall time, and writes after it the table's numbers.
#[test]
fn algorithms_json_has_a_record_per_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("algorithm.jsonl");
    let args = ["--algorithms", "--calls", "2", "--limit", "3000", "--json"];
    let folder = ["--pictures", dir.path().to_str().unwrap()];
    let output = program(&args).arg(&path).args(folder).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let records: Vec<Record> =
        text.lines().map(|line| Record::from_json_line(line).unwrap()).collect();
    let variants: Vec<&str> =
        records.iter().filter_map(|r| r.variant.as_deref()).collect();
    assert_eq!(
        variants,
        ["loop-1-core", "loop-all-cores", "tree-1-core", "parallel-tree-all-cores"]
    );
    assert!(records.iter().all(|r| r.experiment == "algorithm" && r.calls == Some(2)));
    assert!(records.iter().all(|r| r.fingerprint == records[0].fingerprint));
    assert_eq!(records[0].speedup, Some(1.0));

    let svg = std::fs::read_to_string(dir.path().join(pictures::ALGORITHMS)).unwrap();
    let bars = inspect::of_class(&svg, "bar");
    assert_eq!(bars.len(), 4, "one bar per way");
    // The table's rows: the way, then its wall/call, all calls and speedup.
    let table: Vec<Vec<&str>> = stdout
        .lines()
        .filter(|line| line.starts_with("  loop") || line.starts_with("  tree"))
        .chain(stdout.lines().filter(|line| line.starts_with("  parallel")))
        .map(|line| line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect())
        .collect();
    assert_eq!(table.len(), 4, "{stdout}");
    for ((bar, record), row) in bars.iter().zip(&records).zip(&table) {
        assert_eq!(bar.get("label"), Some(row[0]));
        assert!((bar.num("value") - record.wall_s).abs() < 1e-6, "{bar:?}");
        let written = format!("{} · {}", row[2], row[3]);
        assert!(bar.title.as_deref().unwrap().ends_with(&written), "{bar:?} {row:?}");
    }
}

/// `--algorithm tree` reaches every pool, worker processes included (the
/// call carries it): every run finishes, and both pools' results agree.
#[test]
fn a_sweep_by_the_tree_agrees_on_both_pools() {
    for algorithm in ["tree", "parallel-tree"] {
        let args = ["--sweep", "--pool", "both", "--workers", "1,2", "--limit", "3000"];
        let output = program(&args).args(["--algorithm", algorithm]).output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{algorithm}: {stdout}");
        let same = "results: all 4 runs returned the same 20 fingerprints";
        assert!(stdout.contains(same), "{algorithm}: {stdout}");
    }
}

/// Bad combinations get one line: an unknown algorithm, and `--algorithms`
/// with another part.
#[test]
fn bad_algorithm_input_gets_one_line() {
    assert_bad_inputs(
        PROGRAM,
        &[
            (&["--algorithm", "fast"], "fast"),
            (&["--algorithms", "--hybrid"], "--hybrid"),
        ],
    );
}

/// `--help` names the new flags and the three algorithms.
#[test]
fn help_lists_the_algorithms() {
    assert_help_lists(
        program(&["--help"]),
        &["--algorithms", "--algorithm", "--json", "loop", "tree", "parallel-tree"],
    );
}
