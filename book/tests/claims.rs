//! Every sentence of the book whose truth depends on a measurement
//! (`course_book::sentences`), checked against the book's records
//! (`book/results/`) and against each side set (`book/results/sets/*/`: the
//! same runs on one core, beside other busy work). A sentence the records
//! contradict fails here, named; so does a sentence edited on its page
//! without its entry, and one whose condition ("two cores or more") the
//! page no longer states.

use std::path::{Path, PathBuf};

use std::process::Command;

use course_book::claims::{self, Records};
use course_book::{sentences, workspace};
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

fn results() -> PathBuf {
    workspace::root().join("book/results")
}

fn load(dir: &Path) -> Records {
    Records::load(dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
}

/// The side sets, by folder.
fn side_sets() -> Vec<PathBuf> {
    let mut sets: Vec<PathBuf> = std::fs::read_dir(results().join("sets"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    sets.sort();
    sets
}

/// Every sentence is on its page and the book's records bear it out. A
/// sentence may go unmeasured only while the book shows none of its
/// program's records (no `book/src/results/<program>.md`: a program newer
/// than the committed runs); once the book shows them, it is held to them.
#[test]
fn every_measured_sentence_holds() {
    let records = load(&results());
    let broken = claims::broken(&sentences::all(), &records, &workspace::book_src());
    assert!(
        broken.is_empty(),
        "sentences the data no longer supports:\n{}",
        broken.join("\n")
    );
    let shown_but_unmeasured: Vec<String> =
        claims::unmeasured(&sentences::all(), &records)
            .into_iter()
            .filter(|(file, _)| {
                workspace::book_src().join("results").join(format!("{file}.md")).exists()
            })
            .map(|(file, sentence)| format!("{sentence}: no record of it in {file}"))
            .collect();
    assert!(
        shown_but_unmeasured.is_empty(),
        "the book shows these programs' records, but not what the sentences rest on:\n{}",
        shown_but_unmeasured.join("\n")
    );
}

/// On one core and on a loaded machine, every sentence holds or its
/// condition says it does not apply there. A set made before an experiment
/// existed says nothing of it (the test names those sentences on stderr:
/// remake the set with `measure.sh --set`).
#[test]
fn every_sentence_holds_on_the_side_sets_or_states_its_condition() {
    for set in side_sets() {
        let records = load(&set);
        let broken = claims::broken(&sentences::all(), &records, &workspace::book_src());
        assert!(broken.is_empty(), "{}:\n{}", set.display(), broken.join("\n"));
        for (file, sentence) in claims::unmeasured(&sentences::all(), &records) {
            eprintln!("{}: not measured ({file}): {sentence}", set.display());
        }
    }
}

/// A record edited to contradict a sentence makes the check fail, and the
/// failure names the sentence and the values: here Rust's pool of 2 made as
/// slow as Python's.
#[test]
fn a_contradicting_record_names_its_sentence() {
    let mut records = load(&results());
    let python = records
        .num("python-vs-rust: experiment=pool language=python workers=2", "wall_s")
        .unwrap();
    records
        .set(
            "python-vs-rust: experiment=pool language=rust workers=2",
            "wall_s",
            python * 2.0,
        )
        .unwrap();
    let broken = claims::broken(&sentences::all(), &records, &workspace::book_src());
    let named: Vec<&String> = broken
        .iter()
        .filter(|line| {
            line.contains(
                "\"At every N, Rust's pool is faster, by a ratio near the loop's\"",
            )
        })
        .collect();
    assert_eq!(named.len(), 1, "{broken:?}");
    assert!(
        named[0].contains("the records contradict it (N = 1: Python/Rust"),
        "{}",
        named[0]
    );
}

/// The reader's report on the book's own records: every sentence confirmed,
/// each with its measured values against its bound (numbers redacted). The
/// results page shows this command's real run, captured
/// (`book/src/output/book/claims_report.txt`). A new sentence changes it:
/// accept the new snapshot, then `capture claims_report`.
#[test]
fn the_readers_report_confirms_the_books_sentences() {
    let mut command = Command::new(get_cargo_bin("results"));
    command.arg("--claims").current_dir(workspace::root());
    shared::testing::redacted(&[], || assert_cmd_snapshot!("claims_report", command));
}

/// The reader's report fits 80 columns on every committed set, whatever it
/// confirms, contradicts or did not measure.
#[test]
fn the_readers_report_fits_80_columns() {
    for set in std::iter::once(results()).chain(side_sets()) {
        let report = claims::report(&sentences::all(), &load(&set));
        let wide: Vec<&str> = report.lines().filter(|l| l.chars().count() > 80).collect();
        assert!(wide.is_empty(), "{}:\n{}", set.display(), wide.join("\n"));
    }
}
