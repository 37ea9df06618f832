//! The `exercises` command as a learner meets it: every exercise has its
//! folder and a place on its chapter's page; `list`, `hint` and bad input
//! behave; and real checks, snapshotted: the starter and the solution of
//! 1.1 (the introduction shows both), and the messages a learner must be
//! able to act on (issue 29's items 10-15): a zombie diagnosed after the
//! kill landed, the callback named, a hung answer stopped with what it
//! waited for, the hint for the mistake found, a panic in one line, a wrong
//! signature in one error, and "done" only for the file that passed.
//! Each test keeps its progress in a temporary folder of its own.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, MutexGuard};

use course_book::exercises::{EXERCISES, file_hash};
use course_book::workspace;
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

/// One check at a time: every check builds the one answer's program (for
/// its own answer file), then runs it, and the checks measure time.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The command, with its progress kept in a file in `dir`.
fn exercises(dir: &Path) -> Command {
    let mut command = Command::new(get_cargo_bin("exercises"));
    command
        .env("COURSE_EXERCISES_PROGRESS", dir.join("progress"))
        .current_dir(workspace::root());
    command
}

/// The command keeping no progress, for the snapshots of checks (the
/// book replays their commands as recorded).
fn exercises_without_progress() -> Command {
    let mut command = Command::new(get_cargo_bin("exercises"));
    command.env("COURSE_EXERCISES_PROGRESS", "none").current_dir(workspace::root());
    command
}

/// The course's timing redactions (the book shows the runs of 1.1
/// captured, and holds them equal to these snapshots after the same
/// filters); `unwrapped` also joins wrapped lines, whose breaks move with
/// the width of a measured number.
fn redacted(unwrapped: bool, body: impl FnOnce()) {
    let filters: &[(&str, &str)] = if unwrapped {
        &[
            (r"\n  (\S)", " $1"),
            (r"\b\d+ spins", "[n] spins"),
            (r"in the order \[[\d, ]+\]", "in the order [..]"),
        ]
    } else {
        &[]
    };
    shared::testing::redacted(filters, body);
}

fn read(path: &str) -> String {
    fs::read_to_string(workspace::root().join(path))
        .unwrap_or_else(|err| panic!("cannot read {path}: {err}"))
}

#[test]
fn at_least_three_exercises_a_chapter_and_twelve_in_all() {
    assert!(EXERCISES.len() >= 12, "{} exercises", EXERCISES.len());
    for chapter in ["1.", "2.", "3.", "4.", "5."] {
        let count = EXERCISES.iter().filter(|e| e.id.starts_with(chapter)).count();
        assert!(count >= 3, "chapter {chapter}: {count} exercises");
    }
}

/// Each exercise: its starter says what it is, its folder holds the
/// solution and fixtures; its page says which file to open and how to
/// check it, and shows the solution the checker grades; it has a hint.
#[test]
fn every_exercise_has_its_files_page_and_hints() {
    for exercise in EXERCISES {
        let (id, file) = (exercise.id, exercise.file());
        assert!(read(&file).starts_with(&format!("//! Exercise {id}, ")), "{file}");
        assert!(read(&exercise.solution()).starts_with("//! Exercise"), "{id}");
        assert!(!exercise.fixtures().is_empty(), "{id} has no fixtures");
        let chapter = file.split('/').next().unwrap();
        let page = read(&format!("book/src/{chapter}.md"));
        let section = &page[page.find("## Exercises").expect("an Exercises section")..];
        let shown = format!("{{{{#include ../../{}:solution}}}}", exercise.solution());
        for needle in [format!("-- check {id}`"), format!("`{file}`"), shown] {
            assert!(section.contains(&needle), "{chapter}.md names {needle}");
        }
        assert!(!exercise.hints.is_empty(), "{id} has hints");
    }
}

#[test]
fn list_shows_every_exercise_with_its_file_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let starter = read(&EXERCISES[0].file());
    let line = format!("done {} {}\n", EXERCISES[0].id, file_hash(&starter));
    fs::write(dir.path().join("progress"), line).unwrap();
    let output = exercises(dir.path()).arg("list").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(&format!("1 of {} exercises done.", EXERCISES.len())),
        "{text}"
    );
    for (index, exercise) in EXERCISES.iter().enumerate() {
        let state = if index == 0 { "done" } else { "not yet" };
        let line = format!("{:<4} {state:<8} {}", exercise.id, exercise.title());
        assert!(text.contains(&line), "{line}\n{text}");
        assert!(text.contains(&exercise.file()), "{}", exercise.file());
    }
}

/// Item 15: an exercise is done while its file is the file that passed;
/// once the file changes (a `git checkout` of the starter, say), `list`
/// says so.
#[test]
fn done_means_the_file_that_passed_is_the_file_there_now() {
    let dir = tempfile::tempdir().unwrap();
    let passed = read(&EXERCISES[0].solution());
    let line = format!("done {} {}\n", EXERCISES[0].id, file_hash(&passed));
    fs::write(dir.path().join("progress"), line).unwrap();
    redacted(false, || {
        assert_cmd_snapshot!("list_after_a_restore", exercises(dir.path()).arg("list"))
    });
}

#[test]
fn hint_gives_the_next_hint_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let hint = || {
        let output = exercises(dir.path()).args(["hint", "1.5"]).output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(hint().starts_with("Hint 1 of 3 for 1.5:"));
    assert!(hint().starts_with("Hint 2 of 3 for 1.5:"));
    assert!(hint().starts_with("Hint 3 of 3 for 1.5:"));
    assert!(hint().starts_with("Hint 3 of 3 for 1.5:"));
}

#[test]
fn an_unknown_exercise_is_one_line_and_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = exercises(dir.path()).args(["check", "9.9"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: no exercise \"9.9\"; the exercises are 1.1, "));
}

/// A real check of exercise 1.1 as shipped: the command builds the answer's
/// program, runs it, prints what it measured (naming the callback the loop
/// ran, item 11) and the hint for the mistake, and exits 1. The build's
/// note, if it takes a while, goes to stderr, which is not snapshotted.
#[test]
fn checking_a_starter_as_shipped_fails_with_what_was_measured() {
    let _turn = one_at_a_time();
    let mut command = exercises_without_progress();
    command.args(["check", "1.1"]);
    redacted(false, || assert_cmd_snapshot!("check_starter", stdout_only(command)));
}

/// The same check on the reference solution passes, and says so.
#[test]
fn checking_the_reference_solution_passes() {
    let _turn = one_at_a_time();
    let mut command = exercises_without_progress();
    command.args(["check", "1.1", "--solution"]);
    redacted(false, || assert_cmd_snapshot!("check_solution", stdout_only(command)));
}

/// A passing check records the file that passed, and `list` says done; a
/// check of another file leaves progress alone.
#[test]
fn a_check_of_another_file_leaves_progress_alone() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress");
    let solution = course_book::exercises::find("1.3").unwrap().solution();
    let status =
        exercises(dir.path()).args(["check", "1.3", "--file", &solution]).status();
    assert_eq!(status.unwrap().code(), Some(0));
    assert!(!progress.exists(), "a check of another file wrote progress");
    let status = exercises(dir.path()).args(["check", "1.3"]).status();
    assert_eq!(status.unwrap().code(), Some(1), "the starter as shipped fails");
    let text = fs::read_to_string(&progress).unwrap();
    assert!(!text.contains("done 1.3"), "{text}");
}

/// The command's stdout alone: a build's note on stderr comes or not with
/// the machine's speed.
fn stdout_only(mut command: Command) -> Command {
    command.stderr(std::process::Stdio::null());
    command
}

/// `check N.M --file <fixture>`, snapshotted under `name`. `measured`:
/// its lines hold measured numbers, so their breaks are joined (the pages
/// show only checks without).
fn fixture(name: &str, id: &str, file: &str, measured: bool) {
    fixture_with(name, id, file, measured, exercises_without_progress());
}

fn fixture_with(name: &str, id: &str, file: &str, measured: bool, mut command: Command) {
    let _turn = one_at_a_time();
    let exercise = course_book::exercises::find(id).unwrap();
    let path = format!("{}/fixtures/{file}", exercise.dir);
    command.args(["check", id, "--file", &path]);
    redacted(measured, || assert_cmd_snapshot!(name, stdout_only(command)));
}

/// Every reference solution passes through the command, built as a
/// learner's answer is (the fixtures test compiles the checks in a program
/// of its own, with more crates in reach).
#[test]
fn every_solution_passes_in_the_answers_program() {
    for exercise in EXERCISES {
        let _turn = one_at_a_time();
        let output = exercises_without_progress()
            .args(["check", exercise.id, "--solution"])
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(0), "{}: {stdout}", exercise.id);
    }
}

/// Item 10: a worker killed but never waited for is a zombie, found after
/// the kill landed, every run; the words are plain.
#[test]
fn a_zombie_is_named_a_zombie() {
    fixture("check_kills_without_waiting", "4.7", "kills-without-waiting.rs", true);
}

/// Item 12: an answer that never returns: within seconds the command says
/// what the check waits for, and stops it at the limit.
#[test]
fn a_hung_answer_is_stopped_with_what_the_check_waited_for() {
    fixture("check_hung_answer", "1.2", "loops-by-itself.rs", false);
}

/// Item 13: the hint shown is the one for the mistake found.
#[test]
fn the_hint_fits_the_mistake() {
    fixture(
        "check_timers_in_the_order_made",
        "1.1",
        "timers-in-the-order-made.rs",
        false,
    );
}

/// Item 14: a panic is one line, even with `RUST_BACKTRACE=1`.
#[test]
fn a_panic_is_one_line() {
    let mut command = exercises_without_progress();
    command.env("RUST_BACKTRACE", "1");
    fixture_with("check_panics", "1.1", "panics.rs", false, command);
}

/// Item 14: a wrong signature is one error, with the signature the check
/// calls; an error in the answer's own file is shown as the compiler wrote
/// it, pointing at that file.
#[test]
fn a_wrong_signature_is_one_clear_error() {
    fixture("check_wrong_signature", "2.1", "wrong-signature.rs", false);
    fixture("check_does_not_build", "2.1", "does-not-build.rs", false);
}

/// Item 1: an answer that ends the program, or prints the checker's words,
/// does not pass.
#[test]
fn a_gamed_answer_does_not_pass() {
    fixture("check_exits_early", "1.1", "exits-early.rs", false);
    fixture("check_prints_passed_and_exits", "2.6", "prints-passed-and-exits.rs", false);
}

/// Every fixture that must not build, or that the command turns down, is
/// reported with the words its header names.
#[test]
fn fixtures_that_do_not_run_are_reported_as_their_headers_say() {
    for exercise in EXERCISES {
        for path in exercise.fixtures() {
            let text = read(&path);
            if !text.contains("\n//! Not run:") {
                continue;
            }
            let expect = text
                .lines()
                .find_map(|line| line.strip_prefix("//! Expect: "))
                .unwrap_or_else(|| panic!("{path} has no `//! Expect:` line"));
            let _turn = one_at_a_time();
            let dir = tempfile::tempdir().unwrap();
            let output = exercises(dir.path())
                .args(["check", exercise.id, "--file", &path])
                .output()
                .unwrap();
            let stdout = String::from_utf8(output.stdout).unwrap();
            assert_eq!(output.status.code(), Some(1), "{path}: {stdout}");
            assert!(stdout.replace("\n  ", " ").contains(expect), "{path}: {stdout}");
        }
    }
}
