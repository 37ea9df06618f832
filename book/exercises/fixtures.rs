//! Every answer file of every exercise, judged as the `exercises` command
//! judges a learner's: each starter fails, each solution passes, and each
//! fixture (a wrong answer) fails with the words its header names
//! (`//! Expect: ...`) and, if it names one, the hint for its mistake
//! (`//! Hint: N`). A fixture marked `//! Not run: rejected` must be turned
//! down before it is built. (`//! Not run: does not build`: the book's
//! `exercises_command` test builds those, as the command does.)
//!
//! The test is its own answer program: run with `--case N`, it runs that
//! answer under its check, as the answer's program does; without, it runs
//! itself once per answer file, one at a time (the checks measure time),
//! and judges each run. An argument filters the files by name.

// Each exercise's check is compiled once for every answer file it grades.
#![allow(clippy::duplicate_mod)]

use std::process::{Command, ExitCode};

use course_exercises::facts::Verdict;
use course_exercises::probe::{self, Probe};
use course_exercises::registry::{EXERCISES, find, root};
use course_exercises::{compile, run};

/// One answer file with its exercise's check.
struct Case {
    id: &'static str,
    file: &'static str,
    measure: fn(&Probe),
}

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, index] = &args[..]
        && flag == "--case"
    {
        let probe = probe::start();
        (CASES[index.parse::<usize>().expect("a case number")].measure)(&probe);
        probe.done()
    }
    let filter = args.iter().find(|arg| !arg.starts_with('-'));
    let mut failed = Vec::new();
    for (index, case) in CASES.iter().enumerate() {
        if filter.is_some_and(|filter| !case.file.contains(filter.as_str())) {
            continue;
        }
        let mut program = Command::new(std::env::current_exe().expect("this test"));
        program.args(["--case", &index.to_string()]);
        let run = run::run(program, |_| {}).expect("the answer's program runs");
        let verdict = run::judge(find(case.id).expect("a registered exercise"), &run);
        report(case.file, expected(case.file, &verdict), &mut failed);
    }
    for exercise in EXERCISES {
        for fixture in exercise.fixtures() {
            let text = read(&fixture);
            if text.contains("\n//! Not run: rejected")
                && filter.is_none_or(|f| fixture.contains(f.as_str()))
            {
                let turned_down = compile::reaches_outside(&text).is_some();
                let outcome = if turned_down {
                    Ok("turned down before building".to_string())
                } else {
                    Err("not turned down".to_string())
                };
                report(&fixture, outcome, &mut failed);
            }
        }
    }
    if failed.is_empty() {
        println!("test result: ok");
        ExitCode::SUCCESS
    } else {
        println!(
            "test result: FAILED, {} answer file(s):\n{}",
            failed.len(),
            failed.join("\n")
        );
        ExitCode::FAILURE
    }
}

fn read(file: &str) -> String {
    std::fs::read_to_string(root().join(file))
        .unwrap_or_else(|err| panic!("{file}: {err}"))
}

fn report(file: &str, outcome: Result<String, String>, failed: &mut Vec<String>) {
    match outcome {
        Ok(said) => println!("ok {file}\n   {said}"),
        Err(why) => {
            println!("FAILED {file}\n   {why}");
            failed.push(format!("  {file}: {why}"));
        }
    }
}

/// Whether `verdict` is what the file's kind and header ask for.
fn expected(file: &str, verdict: &Verdict) -> Result<String, String> {
    let text = read(file);
    let header = |key: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("//! {key}: ")))
            .map(str::to_string)
    };
    match verdict {
        Ok(passed) if file.ends_with("/solution.rs") => Ok(format!("passed: {passed}")),
        Ok(passed) => Err(format!("passed, and must not: {passed}")),
        Err(failure) if file.ends_with("/solution.rs") => {
            Err(format!("the solution fails: {}", failure.measured))
        }
        Err(failure) => {
            let said = format!(
                "failed: {} (hint {:?})",
                failure.measured,
                failure.hint.map(|h| h + 1)
            );
            if let Some(words) = header("Expect")
                && !failure.measured.contains(&words)
            {
                return Err(format!("{said}; expected the words {words:?}"));
            }
            if let Some(hint) = header("Hint")
                && failure.hint.map(|h| (h + 1).to_string()) != Some(hint.clone())
            {
                return Err(format!("{said}; expected hint {hint}"));
            }
            if file.contains("/fixtures/") && header("Expect").is_none() {
                return Err(format!("{said}; the fixture has no `//! Expect:` line"));
            }
            Ok(said)
        }
    }
}
