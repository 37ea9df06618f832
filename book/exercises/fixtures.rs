//! Every answer file of every exercise, judged as the `exercises` command
//! judges a learner's: each starter fails, each solution passes, and each
//! fixture (a wrong answer) fails with the words its header names
//! (`//! Expect: ...`) and, if it names one, the hint for its mistake
//! (`//! Hint: N`). Fixtures marked `//! Not run:` (they do not build, or
//! the command turns them down) are the book's `exercises_command` test's:
//! it checks them through the command.
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
use course_exercises::registry::{find, root};
use course_exercises::run;

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
        match expected(case.file, &verdict) {
            Ok(said) => println!("ok {}\n   {said}", case.file),
            Err(why) => {
                println!("FAILED {}\n   {why}", case.file);
                failed.push(format!("  {}: {why}", case.file));
            }
        }
    }
    println!("test result: {}", if failed.is_empty() { "ok" } else { "FAILED" });
    if failed.is_empty() {
        return ExitCode::SUCCESS;
    }
    println!("{} answer file(s):\n{}", failed.len(), failed.join("\n"));
    ExitCode::FAILURE
}

/// Whether `verdict` is what the file's kind and header ask for.
fn expected(file: &str, verdict: &Verdict) -> Result<String, String> {
    let text = std::fs::read_to_string(root().join(file))
        .unwrap_or_else(|err| panic!("{file}: {err}"));
    let header = |key: &str| {
        let key = format!("//! {key}: ");
        text.lines().find_map(|line| line.strip_prefix(&key)).map(str::to_string)
    };
    let failure = match verdict {
        Ok(passed) if file.ends_with("/solution.rs") => {
            return Ok(format!("passed: {passed}"));
        }
        Ok(passed) => return Err(format!("passed, and must not: {passed}")),
        Err(failure) if file.ends_with("/solution.rs") => {
            return Err(format!("the solution fails: {}", failure.measured));
        }
        Err(failure) => failure,
    };
    let hint = failure.hint.map(|hint| (hint + 1).to_string());
    let said = format!(
        "failed: {} (hint {})",
        failure.measured,
        hint.as_deref().unwrap_or("none")
    );
    match (header("Expect"), header("Hint")) {
        (None, _) if file.contains("/fixtures/") => {
            Err(format!("{said}; the fixture has no `//! Expect:` line"))
        }
        (Some(words), _) if !failure.measured.contains(&words) => {
            Err(format!("{said}; expected the words {words:?}"))
        }
        (_, Some(wanted)) if hint.as_ref() != Some(&wanted) => {
            Err(format!("{said}; expected hint {wanted}"))
        }
        _ => Ok(said),
    }
}
