//! Helpers for the chapters' tests (feature `testing`): the snapshot
//! settings every chapter uses and the course's bad-input convention.
//!
//! A chapter lists `shared = { workspace = true, features = ["testing"] }`
//! among its dev-dependencies; programs never compile this module.

use std::process::Command;

/// Runs `body` with insta settings that apply the chapter's own `filters`
/// first, then the course's timing redactions ([`crate::snapshot`]), and
/// name snapshots without the test module's prefix.
pub fn redacted(filters: &[(&str, &str)], body: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    for (pattern, replacement) in filters.iter().chain(crate::snapshot::TIMING_FILTERS) {
        settings.add_filter(pattern, *replacement);
    }
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(body);
}

/// Runs `command` and checks the course's convention for bad input: exit
/// code 2, nothing on stdout, and exactly one line on stderr that starts with
/// `error: ` and contains `expected`. A debug build's note about timings is
/// not counted as a line of the error.
pub fn assert_one_line_error(mut command: Command, expected: &str) {
    let what = format!("{command:?}");
    let output = command.output().unwrap_or_else(|err| panic!("{what}: {err}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> =
        stderr.lines().filter(|line| !line.starts_with("note: debug build")).collect();
    assert_eq!(output.status.code(), Some(2), "{what}: {stderr}");
    assert!(output.stdout.is_empty(), "{what} printed on stdout");
    assert_eq!(lines.len(), 1, "{what}: not one line: {stderr}");
    assert!(lines[0].starts_with("error: "), "{what}: {stderr}");
    assert!(lines[0].contains(expected), "{what}: {stderr:?} lacks {expected:?}");
}

/// Runs `command` (with `--help`) and checks that it succeeds and that its
/// help text names every one of `words`.
pub fn assert_help_lists(mut command: Command, words: &[&str]) {
    let output = command.output().expect("the program runs");
    assert!(output.status.success(), "--help failed");
    let help = String::from_utf8_lossy(&output.stdout);
    for word in words {
        assert!(help.contains(word), "--help lacks {word}");
    }
}

/// Runs `program` once per case with the case's arguments and checks the
/// one-line error ([`assert_one_line_error`]) that names `expected`.
pub fn assert_bad_inputs(program: &str, cases: &[(&[&str], &str)]) {
    for (args, expected) in cases {
        let mut command = Command::new(program);
        command.args(*args);
        assert_one_line_error(command, expected);
    }
}
