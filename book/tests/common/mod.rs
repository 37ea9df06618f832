//! What the tests that run the Python programs and the compare command
//! share: finding `python3`, running a program of `book/python/` and reading
//! its records, its refusal of bad input, and the tables compare prints.

// Each test file uses the part it needs.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::process::{Command, Output};

use serde_json::Value;
use shared::record::Record;

/// Whether `python3` runs; without it, says what goes unchecked.
pub(crate) fn has_python(unchecked: &str) -> bool {
    let found = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("python3 not found: {unchecked} not checked");
    }
    found
}

/// Runs `book/python/<script>` with `args`.
pub(crate) fn python(script: &str, args: &[&str]) -> Output {
    let path = course_book::workspace::root().join("book/python").join(script);
    Command::new("python3").arg(path).args(args).output().unwrap()
}

/// The program's JSON lines, each also read as a `Record`, and its stderr;
/// the program must succeed.
pub(crate) fn run(script: &str, args: &[&str]) -> (Vec<Value>, String) {
    let output = python(script, args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{script} failed: {stderr}");
    let lines = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            Record::from_json_line(line).unwrap_or_else(|err| panic!("{script}: {err}"));
            serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("{script}: {err}: {line}"))
        })
        .collect();
    (lines, stderr)
}

/// Each `(script, args, message)` is refused with argparse's usage and one
/// line that says what is wrong, exit code 2 and no record.
pub(crate) fn refuse_bad_input(cases: &[(&str, &[&str], &str)]) {
    for (script, args, message) in cases {
        let output = python(script, args);
        assert_eq!(output.status.code(), Some(2), "{script} {args:?}");
        assert!(output.stdout.is_empty(), "{script} {args:?}: no record");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error:")).collect();
        assert_eq!(errors.len(), 1, "{script} {args:?}: {stderr}");
        assert!(errors[0].contains(message), "{script} {args:?}: {stderr}");
    }
}

/// The compare command with `args`.
pub(crate) fn compare(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_compare")).args(args).output().unwrap()
}

/// A run's stdout; the run must have succeeded.
pub(crate) fn succeeded(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The lines of the table in `text` whose header starts with `header`, up
/// to the blank line that ends it.
pub(crate) fn table<'a>(text: &'a str, header: &str) -> Vec<&'a str> {
    let lines = text.lines().skip_while(|line| !line.starts_with(header)).skip(1);
    lines.take_while(|line| !line.is_empty()).collect()
}

/// The records of a `--json` run by language, then by `key`: one record
/// per key.
pub(crate) fn records<K: Ord>(
    output: &Output,
    key: impl Fn(&Record) -> K,
) -> BTreeMap<String, BTreeMap<K, Record>> {
    let mut by_language: BTreeMap<String, BTreeMap<K, Record>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let record = Record::from_json_line(line).unwrap();
        let (language, key) = (record.language.clone(), key(&record));
        let previous = by_language.entry(language).or_default().insert(key, record);
        assert!(previous.is_none(), "one record per key: {line}");
    }
    by_language
}
