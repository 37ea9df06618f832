//! `cargo run -q -p course-book --bin exercises -- list | check N.M | hint N.M | watch N.M`
//!
//! The learner's side of the exercises: `list` shows every exercise with
//! its file and whether it is done; `check N.M` builds that exercise's
//! runner (`book/exercises/exN_M.rs`: the learner's file and its check)
//! and runs it, then prints what the check measured, and the first hint on
//! a failure; `hint N.M` shows the next hint; `watch N.M` checks again each
//! time the file changes, until it passes. Progress is kept in
//! `.exercises-progress` at the workspace root (git ignores it).

use std::io::Write as _;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant, SystemTime};
use std::{env, fs, thread};

use clap::{Parser, Subcommand};
use course_book::exercises::{self, EXERCISES, Exercise, Progress, wrap};
use course_book::workspace;

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
        #[arg(long)]
        solution: bool,
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
    let cli = Cli::parse();
    let result = match &cli.command {
        Action::List => {
            list();
            Ok(true)
        }
        Action::Check { id, solution: false } => exercise(id).and_then(check),
        Action::Check { id, solution: true } => exercise(id).and_then(check_solution),
        Action::Hint { id } => exercise(id).and_then(hint),
        Action::Watch { id } => exercise(id).and_then(watch),
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

fn list() {
    let progress = Progress::load();
    let done = EXERCISES.iter().filter(|e| progress.done.contains(e.id)).count();
    let mut text = format!("{done} of {} exercises done.\n", EXERCISES.len());
    for exercise in EXERCISES {
        let state = if progress.done.contains(exercise.id) { "done" } else { "not yet" };
        text.push_str(&format!("{:<4} {state:<8} {}\n", exercise.id, exercise.title));
        text.push_str(&format!("              {}\n", exercise.file));
    }
    text.push_str(
        "Check one: cargo run -q -p course-book --bin exercises -- check N.M\n",
    );
    // A reader that stops early (`| head`) is no error.
    let _ = std::io::stdout().write_all(text.as_bytes());
}

/// Builds and runs the exercise's runner; records a pass; on a failure,
/// shows the first hint.
fn check(exercise: &'static Exercise) -> Result<bool, String> {
    println!("Checking exercise {}, {}", exercise.id, exercise.title);
    println!("Your file: {}", exercise.file);
    println!("{}", wrap(&format!("The check measures {}.", exercise.measures)));
    let verdict = build_and_run(exercise, false)?;
    let mut progress = Progress::load();
    let passed = verdict.failure().is_none();
    if let Some(why) = verdict.failure() {
        progress.done.remove(exercise.id);
        println!("NOT YET: exercise {} {why}.", exercise.id);
        // The first hint; `hint N.M` goes on from there.
        let shown = progress.hints.entry(exercise.id.to_string()).or_default();
        *shown = (*shown).max(1);
        let hint = format!("Hint 1 of {}: {}", exercise.hints.len(), exercise.hints[0]);
        println!("{}", wrap(&hint));
        println!(
            "More: cargo run -q -p course-book --bin exercises -- hint {}",
            exercise.id
        );
    } else {
        progress.done.insert(exercise.id.to_string());
        println!("PASSED: exercise {} is done.", exercise.id);
    }
    progress.save()?;
    Ok(passed)
}

/// Runs the same check on the reference solution; progress is untouched.
fn check_solution(exercise: &'static Exercise) -> Result<bool, String> {
    println!(
        "Checking the reference solution of exercise {}, {}",
        exercise.id, exercise.title
    );
    println!("The solution: {}", exercise.solution());
    println!("{}", wrap(&format!("The check measures {}.", exercise.measures)));
    let verdict = build_and_run(exercise, true)?;
    match verdict.failure() {
        None => println!("PASSED: the reference solution of {} passes.", exercise.id),
        Some(why) => {
            println!("NOT YET: the reference solution of {} {why}.", exercise.id)
        }
    }
    Ok(verdict.failure().is_none())
}

fn hint(exercise: &'static Exercise) -> Result<bool, String> {
    let mut progress = Progress::load();
    let (number, hint) = progress.next_hint(exercise);
    let hint =
        format!("Hint {number} of {} for {}: {hint}", exercise.hints.len(), exercise.id);
    println!("{}", wrap(&hint));
    progress.save()?;
    Ok(true)
}

/// How a runner ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Passed,
    NotYet,
    DidNotBuild,
    TooSlow,
}

impl Verdict {
    /// Why the check did not pass, if it did not.
    fn failure(self) -> Option<&'static str> {
        match self {
            Verdict::Passed => None,
            Verdict::NotYet => Some("does not pass yet"),
            Verdict::DidNotBuild => Some("did not build or crashed (see above)"),
            Verdict::TooSlow => Some("took too long: the check stopped it"),
        }
    }
}

/// A runner that has not ended after this long is stopped: an answer that
/// never returns. Every check ends within a few seconds on a right answer.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// Builds the exercise's runner (as long as that takes), then runs it on
/// the learner's file (or on the reference solution), stopped after
/// [`RUN_LIMIT`]. The runner exits 0 on a pass, 1 on a fail.
fn build_and_run(exercise: &Exercise, on_solution: bool) -> Result<Verdict, String> {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let runner = |verb: &str| {
        let mut command = Command::new(&cargo);
        command
            .args([verb, "--quiet", "-p", "course-book", "--features", "exercises"])
            .args(["--example", &exercise.runner()])
            .current_dir(workspace::root());
        command
    };
    let built =
        runner("build").status().map_err(|err| format!("cannot run cargo: {err}"))?;
    if !built.success() {
        return Ok(Verdict::DidNotBuild);
    }
    // Built already: `cargo run` starts the runner at once (in its place,
    // on Unix), so stopping the child stops the runner.
    let mut run = runner("run");
    if on_solution {
        run.args(["--", "--solution"]);
    }
    let mut child = run.spawn().map_err(|err| format!("cannot run cargo: {err}"))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|err| err.to_string())? {
            return Ok(match status.code() {
                Some(0) => Verdict::Passed,
                Some(1) => Verdict::NotYet,
                _ => Verdict::DidNotBuild,
            });
        }
        if started.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(Verdict::TooSlow);
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// Checks now, then again each time the file is saved, until it passes.
fn watch(exercise: &'static Exercise) -> Result<bool, String> {
    let path = workspace::root().join(exercise.file);
    let modified = || fs::metadata(&path).and_then(|m| m.modified()).ok();
    loop {
        let seen: Option<SystemTime> = modified();
        if check(exercise)? {
            return Ok(true);
        }
        println!("Watching your file: save it to check again (Ctrl-C stops).");
        while modified() == seen {
            thread::sleep(Duration::from_millis(500));
        }
    }
}
