//! The `exercises` command as a learner meets it: every exercise has its
//! folder and a place on its chapter's page; `list`, `hint`, `--help` and
//! bad input behave; and real checks, snapshotted: the starter and the
//! solution of 1.1 (the introduction shows both), and the messages a
//! learner must be able to act on (issue 29's items 10-15). Each test
//! keeps its progress in a temporary folder of its own.

use std::ffi::OsStr;
use std::fs;
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard};

use course_book::exercises::{EXERCISES, file_hash, find};
use course_book::workspace;
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use shared::testing::{assert_bad_inputs, assert_help_lists};

/// One check at a time: every check builds the one answer's program (for
/// its own answer file), then runs it, and the checks measure time.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The command, keeping its progress in the file `progress` (`none`: no
/// progress, for the snapshots of checks, which the book replays).
fn exercises(progress: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(get_cargo_bin("exercises"));
    command.env("COURSE_EXERCISES_PROGRESS", progress).current_dir(workspace::root());
    command
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
        assert!(!exercise.fixtures.is_empty(), "{id} has no fixtures");
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

/// `list` shows every exercise, its file and its state. Item 15: an
/// exercise is done while its file is the file that passed; once the file
/// changes (a `git checkout` of the starter, say), it says "changed".
#[test]
fn list_shows_every_exercise_with_its_file_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (&EXERCISES[0], &EXERCISES[1]);
    let progress = format!(
        "done {} {}\ndone {} {}\n",
        first.id,
        file_hash(&read(&first.file())),
        second.id,
        file_hash(&read(&second.solution()))
    );
    fs::write(dir.path().join("progress"), progress).unwrap();
    let mut list = exercises(dir.path().join("progress"));
    list.arg("list");
    shared::testing::redacted(&[], || assert_cmd_snapshot!("list", list));
}

#[test]
fn hint_gives_the_next_hint_each_time() {
    let dir = tempfile::tempdir().unwrap();
    for number in [1, 2, 3, 3] {
        let output =
            exercises(dir.path().join("progress")).args(["hint", "1.5"]).output();
        let output = output.unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.starts_with(&format!("Hint {number} of 3 for 1.5:")), "{text}");
    }
}

#[test]
fn help_names_each_command_and_bad_input_is_one_line() {
    let program = get_cargo_bin("exercises");
    let mut help = Command::new(&program);
    help.arg("--help");
    assert_help_lists(help, &["list", "check", "hint", "watch", "N.M"]);
    let known = "; the exercises are 1.1, 1.2,";
    assert_bad_inputs(
        program.to_str().unwrap(),
        &[
            (&["check", "9.9"], &format!("error: no exercise \"9.9\"{known}")),
            (&["hint", "x"], &format!("error: no exercise \"x\"{known}")),
            (&["watch", "1"], &format!("error: no exercise \"1\"{known}")),
        ],
    );
}

/// The checks a learner meets, snapshotted (stdout only: a build's note on
/// stderr comes or not with the machine's speed): its name, the exercise,
/// the answer (the starter as shipped, `--solution`, or a fixture's file),
/// and whether its lines hold measured numbers (their breaks, which move
/// with a number's width, are joined: the pages show only checks without).
const CHECKS: &[(&str, &str, &str, bool)] = &[
    // The starter fails with what was measured, naming the callback the
    // loop ran (item 11), the hint for the mistake, and exit code 1.
    ("check_starter", "1.1", "", false),
    // The reference solution passes, and says so.
    ("check_solution", "1.1", "--solution", false),
    // Item 10: a worker killed but never waited for is a zombie, found
    // after the kill landed, every run; the words are plain.
    ("check_kills_without_waiting", "4.7", "kills-without-waiting.rs", true),
    // Item 12: an answer that never returns: within seconds the command
    // says what the check waits for, and stops it at the limit.
    ("check_hung_answer", "1.2", "loops-by-itself.rs", false),
    // Item 13: the hint shown is the one for the mistake found.
    ("check_timers_in_the_order_made", "1.1", "timers-in-the-order-made.rs", false),
    // Item 14: a panic is one line, even with `RUST_BACKTRACE=1` (set for
    // this one).
    ("check_panics", "1.1", "panics.rs", false),
    // Item 14: a wrong signature is one error, with the signature the check
    // calls; an error in the answer's own file is shown as the compiler
    // wrote it, pointing at that file.
    ("check_wrong_signature", "2.1", "wrong-signature.rs", false),
    ("check_does_not_build", "2.1", "does-not-build.rs", false),
    // Item 1: an answer that ends the program, or prints the checker's
    // words, does not pass.
    ("check_exits_early", "1.1", "exits-early.rs", false),
    ("check_prints_passed_and_exits", "2.6", "prints-passed-and-exits.rs", false),
];

#[test]
fn checks_say_what_was_measured_and_what_to_do() {
    for &(name, id, answer, measured) in CHECKS {
        let _turn = one_at_a_time();
        let mut command = exercises("none");
        command.args(["check", id]).stderr(Stdio::null());
        match answer {
            "" => {}
            "--solution" => {
                command.arg(answer);
            }
            file => {
                let dir = find(id).unwrap().dir;
                command.arg("--file").arg(format!("{dir}/fixtures/{file}"));
            }
        }
        if answer == "panics.rs" {
            command.env("RUST_BACKTRACE", "1");
        }
        // The course's timing redactions (the book holds its captured runs
        // of these checks equal to these snapshots after the same filters).
        let joined: &[(&str, &str)] = &[
            (r"\n  (\S)", " $1"),
            (r"\b\d+ spins", "[n] spins"),
            (r"in the order \[[\d, ]+\]", "in the order [..]"),
        ];
        let filters = if measured { joined } else { &[] };
        shared::testing::redacted(filters, || assert_cmd_snapshot!(name, command));
    }
}

/// Every reference solution passes through the command, built as a
/// learner's answer is (the fixtures test compiles the checks in a program
/// of its own, with more crates in reach), and leaves progress alone; a
/// check of the learner's file records it (not done: the starter fails).
#[test]
fn every_solution_passes_in_the_answers_program() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress");
    for exercise in EXERCISES {
        let _turn = one_at_a_time();
        let mut check = exercises(&progress);
        let output = check.args(["check", exercise.id, "--solution"]).output().unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(0), "{}: {stdout}", exercise.id);
    }
    assert!(!progress.exists(), "a check of another file wrote progress");
    let _turn = one_at_a_time();
    let status = exercises(&progress).args(["check", "1.3"]).status();
    assert_eq!(status.unwrap().code(), Some(1), "the starter as shipped fails");
    let text = fs::read_to_string(&progress).unwrap();
    assert!(!text.contains("done 1.3"), "{text}");
}

/// Every fixture that must not build, or that the command turns down
/// before building, fails with the words its header names.
#[test]
fn fixtures_that_do_not_run_are_reported_as_their_headers_say() {
    for exercise in EXERCISES {
        for path in exercise.fixtures {
            let text = read(path);
            if !text.contains("\n//! Not run:") {
                continue;
            }
            let expect = text
                .lines()
                .find_map(|line| line.strip_prefix("//! Expect: "))
                .unwrap_or_else(|| panic!("{path} has no `//! Expect:` line"));
            let _turn = one_at_a_time();
            let output =
                exercises("none").args(["check", exercise.id, "--file", path]).output();
            let output = output.unwrap();
            let stdout = String::from_utf8(output.stdout).unwrap();
            assert_eq!(output.status.code(), Some(1), "{path}: {stdout}");
            assert!(stdout.replace("\n  ", " ").contains(expect), "{path}: {stdout}");
        }
    }
}
