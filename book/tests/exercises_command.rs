//! The `exercises` command and what it knows of the exercises: every
//! exercise has its starter, its solution, its runner and a place on its
//! chapter's page; `list`, `hint` and bad input behave; and one real
//! `check` of a starter as shipped, snapshotted (it builds that one runner).

use std::fs;
use std::process::Command;

use course_book::exercises::{EXERCISES, Exercise};
use course_book::workspace;
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

/// The command, with its progress kept in `progress` (relative to the
/// workspace root, or absolute).
fn exercises(progress: &str) -> Command {
    let mut command = Command::new(get_cargo_bin("exercises"));
    command.env("COURSE_EXERCISES_PROGRESS", progress).current_dir(workspace::root());
    command
}

/// The course's timing redactions (the book shows the same runs captured,
/// and holds them equal to these snapshots after the same filters).
fn redacted(body: impl FnOnce()) {
    shared::testing::redacted(&[], body);
}

fn read(path: &str) -> String {
    fs::read_to_string(workspace::root().join(path))
        .unwrap_or_else(|err| panic!("cannot read {path}: {err}"))
}

#[test]
fn at_least_three_exercises_a_chapter_and_twelve_in_all() {
    assert!(EXERCISES.len() >= 12, "{} exercises", EXERCISES.len());
    for chapter in ["1.", "2.", "3.", "4."] {
        let count = EXERCISES.iter().filter(|e| e.id.starts_with(chapter)).count();
        assert!(count >= 3, "chapter {chapter}: {count} exercises");
    }
}

/// Each exercise: its starter and solution exist and say what they are;
/// its runner compiles the starter; the book's Cargo.toml declares the
/// runner behind the feature; its page says which file to open and how to
/// check it; it has a hint.
#[test]
fn every_exercise_has_its_files_runner_page_and_hints() {
    let manifest = read("book/Cargo.toml");
    for exercise in EXERCISES {
        let Exercise { id, file, .. } = exercise;
        assert!(read(file).starts_with(&format!("//! Exercise {id}, ")), "{file}");
        assert!(read(&exercise.solution()).starts_with("//! Exercise"), "{id}");
        let runner = format!("book/exercises/{}.rs", exercise.runner());
        assert!(
            read(&runner).contains(&format!("#[path = \"../../{file}\"]")),
            "{runner}"
        );
        let declared = format!(
            "name = \"{}\"\npath = \"exercises/{}.rs\"\nrequired-features = [\"exercises\"]",
            exercise.runner(),
            exercise.runner()
        );
        assert!(manifest.contains(&declared), "book/Cargo.toml: {declared}");
        let chapter = file.split('/').next().unwrap();
        let page = read(&format!("book/src/{chapter}.md"));
        let section = &page[page.find("## Exercises").expect("an Exercises section")..];
        for needle in [format!("-- check {id}`"), format!("`{file}`")] {
            assert!(section.contains(&needle), "{chapter}.md names {needle}");
        }
        assert!(!exercise.hints.is_empty(), "{id} has hints");
    }
}

#[test]
fn list_shows_every_exercise_with_its_file_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress");
    fs::write(&progress, "done 2.1\n").unwrap();
    let output = exercises(progress.to_str().unwrap()).arg("list").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(&format!("1 of {} exercises done.", EXERCISES.len())),
        "{text}"
    );
    for exercise in EXERCISES {
        let state = if exercise.id == "2.1" { "done" } else { "not yet" };
        let line = format!("{:<4} {state:<8} {}", exercise.id, exercise.title);
        assert!(text.contains(&line), "{line}\n{text}");
        assert!(text.contains(exercise.file), "{}", exercise.file);
    }
}

#[test]
fn hint_gives_the_next_hint_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress");
    let hint = || {
        let output =
            exercises(progress.to_str().unwrap()).args(["hint", "1.5"]).output().unwrap();
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
    let progress = dir.path().join("progress");
    let output =
        exercises(progress.to_str().unwrap()).args(["check", "9.9"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: no exercise \"9.9\"; the exercises are 1.1, "));
}

/// A real check of exercise 1.1 as shipped: the command builds its runner
/// (the starter and the check), runs it, prints what it measured and the
/// first hint, and exits 1. Its progress goes to a file in `target/`.
#[test]
fn checking_a_starter_as_shipped_fails_with_what_was_measured() {
    let progress = "target/exercises-progress-of-the-tests";
    let _ = fs::remove_file(workspace::root().join(progress));
    redacted(|| {
        assert_cmd_snapshot!("check_starter", exercises(progress).args(["check", "1.1"]))
    });
}

/// The same check on the reference solution passes, and says so; the
/// learner's progress is not touched.
#[test]
fn checking_the_reference_solution_passes() {
    let progress = "target/exercises-progress-of-the-solution-test";
    let _ = fs::remove_file(workspace::root().join(progress));
    redacted(|| {
        assert_cmd_snapshot!(
            "check_solution",
            exercises(progress).args(["check", "1.1", "--solution"])
        )
    });
    assert!(!workspace::root().join(progress).exists(), "progress was written");
}
