//! Building an answer's program: `cargo build -p course-answer`, with the
//! exercise's check and the answer file named in `COURSE_CHECK` and
//! `COURSE_ANSWER`. A build that fails is reported by the compiler's errors
//! in the answer's own file; an answer that builds but does not fit the
//! check gets the signature the check calls.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use serde_json::Value;

use crate::registry::{Exercise, root};

/// What the build gave.
#[derive(Debug)]
pub enum Built {
    /// The answer's program.
    Program(PathBuf),
    /// Why it did not build, in a few lines for the learner.
    Failed(String),
}

/// After this long, a build says what it is doing.
const SAY_AFTER: Duration = Duration::from_secs(2);

/// Why an answer file may not be graded as it is: it brings in another
/// file (the solution, say), which the check would then grade instead.
pub fn reaches_outside(text: &str) -> Option<&'static str> {
    let code = text.lines().filter(|line| !line.trim_start().starts_with("//"));
    let code: String = code.collect::<Vec<_>>().join("\n");
    ["#[path", "include!", "include_str!"]
        .into_iter()
        .find(|needle| code.contains(needle))
        .map(|_| "your file brings in another file (`#[path]` or `include!`): the check grades what is in your file")
}

/// Builds the program of `exercise` with the answer in `answer` (a path
/// from the workspace root, or absolute); `say` gets a line when the build
/// takes a while.
pub fn build(
    exercise: &Exercise,
    answer: &Path,
    say: impl FnOnce(&str),
) -> std::io::Result<Built> {
    let answer = root().join(answer);
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root().join("target"), PathBuf::from);
    let first_time = !target.join("debug").join("course-answer").exists();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command
        .args(["build", "--quiet", "--message-format=json", "-p", "course-answer"])
        .env("COURSE_CHECK", root().join(exercise.dir).join("check.rs"))
        .env("COURSE_ANSWER", &answer)
        .current_dir(root());
    let (sender, built) = mpsc::channel();
    thread::spawn(move || sender.send(command.output()));
    let output: Output = match built.recv_timeout(SAY_AFTER) {
        Ok(output) => output?,
        Err(_) => {
            say(if first_time {
                "Building the checks, first time only: a few minutes on a fresh clone \
                 (seconds after `cargo test --workspace`)."
            } else {
                "Building your answer with its check..."
            });
            built.recv().map_err(std::io::Error::other)??
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let messages: Vec<Value> =
        stdout.lines().filter_map(|line| serde_json::from_str(line).ok()).collect();
    let program = messages.iter().rev().find_map(|message| {
        let is_ours = message["target"]["name"] == "course-answer";
        is_ours.then(|| message["executable"].as_str().map(PathBuf::from)).flatten()
    });
    Ok(match program {
        Some(program) if output.status.success() => Built::Program(program),
        _ => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            Built::Failed(explain(exercise, &answer, &messages, &stderr))
        }
    })
}

/// The first error in the answer's own file, as the compiler wrote it; or,
/// when the answer builds but the check cannot call it, the check's call.
fn explain(
    exercise: &Exercise,
    answer: &Path,
    messages: &[Value],
    stderr: &str,
) -> String {
    let errors: Vec<&Value> = messages
        .iter()
        .filter(|message| message["reason"] == "compiler-message")
        .map(|message| &message["message"])
        .filter(|message| message["level"] == "error")
        .collect();
    let in_answer = |error: &&&Value| {
        error["spans"].as_array().into_iter().flatten().any(|span| {
            span["is_primary"] == true
                && span["file_name"]
                    .as_str()
                    .is_some_and(|file| root().join(file) == answer)
        })
    };
    if let Some(error) = errors.iter().find(in_answer) {
        let rendered = error["rendered"].as_str().unwrap_or_default();
        let lines: Vec<&str> = rendered.trim_end().lines().take(16).collect();
        return format!("your file does not build:\n{}", lines.join("\n"));
    }
    if let Some(error) = errors.first() {
        let starter =
            std::fs::read_to_string(root().join(exercise.file())).unwrap_or_default();
        return format!(
            "your file builds, but not as the check calls it ({}); the check \
             calls what the starter declares:\n{}",
            error["message"].as_str().unwrap_or_default(),
            signatures(&starter)
        );
    }
    let lines: Vec<&str> = stderr.trim_end().lines().collect();
    let tail = &lines[lines.len().saturating_sub(8)..];
    format!("the check did not build:\n{}", tail.join("\n"))
}

/// The `pub fn` lines of a file, up to their bodies.
fn signatures(text: &str) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        inside |= line.starts_with("pub fn") || line.starts_with("pub async fn");
        if inside {
            out.push(format!("  {}", line.trim_end_matches('{').trim_end()));
            inside = !line.ends_with('{');
        }
    }
    out.join("\n")
}
