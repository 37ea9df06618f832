//! `cargo run -q -p course-book --bin exercises -- list | check N.M | hint N.M | watch N.M`
//!
//! The learner's side of the exercises: `list` shows every exercise with
//! its file and whether it is done; `check N.M` builds the answer's program
//! (the learner's file and the exercise's check, nothing else), runs it in
//! a process of its own, reads what the check measured and gives the
//! verdict, with the hint for the mistake it found; `hint N.M` shows the
//! next hint; `watch N.M` checks again each time the file changes, until it
//! passes. Progress is kept in `.exercises-progress` at the workspace root
//! (git ignores it): an exercise is done while its file is the file that
//! passed.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, SystemTime};
use std::{fs, thread};

use clap::{Parser, Subcommand};
use course_book::exercises::{self, EXERCISES, Exercise, Progress};
use course_book::{text, workspace};
use course_exercises::compile::{self, Built};
use course_exercises::facts::{Failure, Verdict};
use course_exercises::run;

/// The course's exercises: list them, check an answer, get a hint.
#[derive(Debug, Parser)]
#[command(name = "exercises")]
struct Cli {
    #[command(subcommand)]
    command: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Every exercise with its file and state (done / not yet).
    List,
    /// Builds and runs the check of exercise N.M against your file.
    Check {
        /// The exercise, as its page numbers it (`2.1`).
        #[arg(value_name = "N.M")]
        id: String,
        /// Check the reference solution instead of your file, to see what
        /// passing looks like (your progress does not change).
        #[arg(long, conflicts_with = "file")]
        solution: bool,
        /// Check another file instead of yours (your progress does not
        /// change), e.g. one of the exercise's `fixtures/`.
        #[arg(long, value_name = "PATH")]
        file: Option<String>,
    },
    /// The next hint of exercise N.M.
    Hint {
        #[arg(value_name = "N.M")]
        id: String,
    },
    /// Checks exercise N.M each time its file changes, until it passes.
    Watch {
        #[arg(value_name = "N.M")]
        id: String,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Action::List => list(),
        Action::Check { id, solution: true, .. } => exercise(&id).and_then(|exercise| {
            check(exercise, Some(("the reference solution", &exercise.solution())))
        }),
        Action::Check { id, file: Some(file), .. } => {
            exercise(&id).and_then(|exercise| check(exercise, Some(("the file", &file))))
        }
        Action::Check { id, .. } => {
            exercise(&id).and_then(|exercise| check(exercise, None))
        }
        Action::Hint { id } => exercise(&id).and_then(hint),
        Action::Watch { id } => exercise(&id).and_then(watch),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// The exercise numbered `id`, or one line saying which ones exist.
fn exercise(id: &str) -> Result<&'static Exercise, String> {
    exercises::find(id).ok_or_else(|| {
        let ids: Vec<_> = EXERCISES.iter().map(|exercise| exercise.id).collect();
        format!("no exercise {id:?}; the exercises are {}", ids.join(", "))
    })
}

fn list() -> Result<bool, String> {
    let progress = Progress::load();
    let states: Vec<&str> = EXERCISES.iter().map(|e| progress.state(e)).collect();
    let done = states.iter().filter(|state| **state == "done").count();
    let mut text = format!("{done} of {} exercises done.\n", EXERCISES.len());
    for (exercise, state) in EXERCISES.iter().zip(states) {
        text.push_str(&format!("{:<4} {state:<8} {}\n", exercise.id, exercise.title()));
        text.push_str(&format!("     {}\n", exercise.file()));
    }
    text.push_str(
        "(changed: it passed, and the file has changed since; check it again)\n\
         Check one: cargo run -q -p course-book --bin exercises -- check N.M\n",
    );
    // A reader that stops early (`| head`) is no error.
    let _ = std::io::stdout().write_all(text.as_bytes());
    Ok(true)
}

/// Checks the learner's file, or `other` (what it is, and its path: the
/// solution, a fixture). The learner's file's verdict goes into progress
/// (a pass with the file that passed, a failure's hint as shown); another
/// file's leaves progress alone. A failure shows the hint for its mistake.
fn check(
    exercise: &'static Exercise,
    other: Option<(&str, &str)>,
) -> Result<bool, String> {
    let (id, title, yours) = (exercise.id, exercise.title(), exercise.file());
    match other {
        None => println!("Checking exercise {id}, {title}"),
        Some((what, _)) => println!("Checking {what} of exercise {id}, {title}"),
    }
    let (file, whose) =
        other.map_or((yours.as_str(), "your file"), |(_, f)| (f, "the file"));
    println!("{}", where_is(exercise, file, whose));
    let text = read(file)?;
    let verdict = grade(exercise, file, &text)?;
    match (other, &verdict) {
        (None, Ok(_)) => println!("PASSED: exercise {id} is done."),
        (None, Err(_)) => println!("NOT YET: exercise {id} does not pass yet."),
        (Some((what, _)), Ok(_)) => println!("PASSED: {what} of {id} passes."),
        (Some((what, _)), Err(_)) => println!("NOT YET: {what} of {id} does not pass."),
    }
    let hint = verdict.as_ref().err().and_then(|failure| failure.hint);
    if let Some(index) = hint {
        print!("{}", hint_line(exercise, index));
    }
    if other.is_none() {
        if verdict.is_err() {
            println!("More: cargo run -q -p course-book --bin exercises -- hint {id}");
        }
        let mut progress = Progress::load();
        progress.record(exercise, &text, &verdict);
        progress.save()?;
    }
    Ok(verdict.is_ok())
}

/// Where `file` is, in lines that fit 80 columns: the exercise's folder,
/// then the file in it.
fn where_is(exercise: &Exercise, file: &str, what: &str) -> String {
    match file.strip_prefix(&format!("{}/", exercise.dir)) {
        Some(name) => format!("In {}/:\n  {what} {name}", exercise.dir),
        None => format!("{what}: {file}"),
    }
}

/// `words` for the terminal: lines of at most 78 columns, the continued
/// ones indented.
fn fit(words: &str) -> String {
    text::wrap(words, 78, "", "  ")
}

/// The hint numbered `index` (from 0): the one for the mistake found.
fn hint_line(exercise: &Exercise, index: usize) -> String {
    let index = index.min(exercise.hints.len() - 1);
    let hint = exercise.hints[index];
    fit(&format!("Hint {} of {}: {hint}", index + 1, exercise.hints.len()))
}

fn read(file: &str) -> Result<String, String> {
    fs::read_to_string(workspace::root().join(file))
        .map_err(|err| format!("cannot read {file}: {err}"))
}

/// Builds the answer's program for `file`, runs it and judges it; prints
/// what was measured (or why nothing was).
fn grade(exercise: &'static Exercise, file: &str, text: &str) -> Result<Verdict, String> {
    print!("{}", fit(&format!("The check measures {}.", exercise.measures)));
    let failed = |measured: String| Err(Failure { measured, hint: None });
    let verdict = if let Some(why) = compile::reaches_outside(text) {
        failed(why.to_string())
    } else {
        let built =
            compile::build(exercise, Path::new(file), |line| eprint!("{}", fit(line)))
                .map_err(|err| format!("cannot run cargo: {err}"))?;
        match built {
            Built::Failed(why) => failed(why),
            Built::Program(program) => {
                let notice = |line: &str| print!("{}", fit(line));
                let ran = run::run(Command::new(program), notice)
                    .map_err(|err| format!("cannot run the answer's program: {err}"))?;
                if !ran.printed.is_empty() {
                    println!("Your answer printed:");
                    for line in ran.printed.iter().take(5) {
                        println!("   | {}", line.chars().take(74).collect::<String>());
                    }
                }
                run::judge(exercise, &ran)
            }
        }
    };
    // Paths from the exercise's folder, as the lines above name them.
    let (root, folder) =
        (format!("{}/", workspace::root().display()), format!("{}/", exercise.dir));
    let short = |text: &str| text.replace(&root, "").replace(&folder, "");
    match &verdict {
        Ok(measured) => print!("{}", fit(&format!("measured: {measured}"))),
        // A compiler's message keeps its own lines.
        Err(failure) if failure.measured.contains('\n') => {
            let (first, rest) = failure.measured.split_once('\n').unwrap_or_default();
            println!("{}{}", fit(first), short(rest));
        }
        Err(failure) => {
            print!("{}", fit(&format!("measured: {}", short(&failure.measured))))
        }
    }
    Ok(verdict)
}

fn hint(exercise: &'static Exercise) -> Result<bool, String> {
    let mut progress = Progress::load();
    let (number, hint) = progress.next_hint(exercise);
    let hint =
        format!("Hint {number} of {} for {}: {hint}", exercise.hints.len(), exercise.id);
    print!("{}", fit(&hint));
    progress.save()?;
    Ok(true)
}

/// Checks now, then again each time the file is saved, until it passes.
fn watch(exercise: &'static Exercise) -> Result<bool, String> {
    let path = workspace::root().join(exercise.file());
    let modified = || fs::metadata(&path).and_then(|m| m.modified()).ok();
    loop {
        let seen: Option<SystemTime> = modified();
        if check(exercise, None)? {
            return Ok(true);
        }
        println!("Watching your file: save it to check again (Ctrl-C stops).");
        while modified() == seen {
            thread::sleep(Duration::from_millis(500));
        }
    }
}
