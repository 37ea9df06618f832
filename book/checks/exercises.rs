//! The learner's side of the exercises, for the `exercises` command: the
//! progress file (which exercises passed, with the file that passed, and
//! which hints were shown). The exercises themselves, their checks and
//! judges are in `book/exercises/` (the `course-exercises` crate).

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use course_exercises::facts::{Failure, Verdict};
pub use course_exercises::registry::{EXERCISES, Exercise, find};

use crate::workspace;

/// Where progress is kept: `.exercises-progress` at the workspace root
/// (git ignores it), or the file `COURSE_EXERCISES_PROGRESS` names (a
/// test's own file in a temporary folder; relative to the workspace root
/// unless absolute), or nowhere when it says `none` (the book's captured
/// runs, and tests that do not look at progress).
pub fn progress_path() -> Option<PathBuf> {
    match std::env::var_os("COURSE_EXERCISES_PROGRESS") {
        Some(path) if path == "none" => None,
        Some(path) => Some(workspace::root().join(path)),
        None => Some(workspace::root().join(".exercises-progress")),
    }
}

/// A file's fingerprint, FNV-1a over its bytes: the same file gives the
/// same one on every machine and every Rust version.
pub fn file_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// What the learner has done: exercises passed (with the fingerprint of
/// the file that passed), hints seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Exercises whose check passed, and the file's fingerprint then.
    pub done: BTreeMap<String, String>,
    /// How many hints of each exercise were shown.
    pub hints: BTreeMap<String, usize>,
}

impl Progress {
    /// Reads the progress file; a missing or unreadable one is no progress.
    pub fn load() -> Progress {
        let text = progress_path().and_then(|path| fs::read_to_string(path).ok());
        Progress::parse(&text.unwrap_or_default())
    }

    /// Parses lines `done 2.1 <fingerprint>` and `hints 2.1 2`; ignores
    /// anything else.
    pub fn parse(text: &str) -> Progress {
        let mut progress = Progress::default();
        for line in text.lines() {
            match line.split_whitespace().collect::<Vec<_>>()[..] {
                ["done", id, hash] => {
                    progress.done.insert(id.to_string(), hash.to_string());
                }
                ["hints", id, shown] => {
                    if let Ok(shown) = shown.parse() {
                        progress.hints.insert(id.to_string(), shown);
                    }
                }
                _ => {}
            }
        }
        progress
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for (id, hash) in &self.done {
            text.push_str(&format!("done {id} {hash}\n"));
        }
        for (id, shown) in &self.hints {
            text.push_str(&format!("hints {id} {shown}\n"));
        }
        text
    }

    /// Writes the progress file.
    pub fn save(&self) -> Result<(), String> {
        let Some(path) = progress_path() else { return Ok(()) };
        fs::write(&path, self.render())
            .map_err(|err| format!("cannot write {}: {err}", path.display()))
    }

    /// Where `exercise` stands, as `list` shows it: "done" (the file there
    /// now is the file that passed), "changed" (a file passed, but the file
    /// there now is another) or "not yet" (never passed).
    pub fn state(&self, exercise: &Exercise) -> &'static str {
        let now = fs::read_to_string(workspace::root().join(exercise.file()));
        match (self.done.get(exercise.id), now) {
            (Some(passed), Ok(now)) if *passed == file_hash(&now) => "done",
            (Some(_), _) => "changed",
            (None, _) => "not yet",
        }
    }

    /// Records a check of the learner's file `text`: done, with the file's
    /// fingerprint, if it passed; not done if not, and the hint for its
    /// mistake counted as shown.
    pub fn record(&mut self, exercise: &Exercise, text: &str, verdict: &Verdict) {
        self.done.remove(exercise.id);
        match verdict {
            Ok(_) => {
                self.done.insert(exercise.id.to_string(), file_hash(text));
            }
            Err(Failure { hint: Some(index), .. }) => {
                let shown = self.hints.entry(exercise.id.to_string()).or_default();
                *shown = (*shown).max(index + 1);
            }
            Err(_) => {}
        }
    }

    /// The next hint of `exercise` (the last one again once all were shown),
    /// with its number, and counts it as shown.
    pub fn next_hint(&mut self, exercise: &Exercise) -> (usize, &'static str) {
        let shown = self.hints.entry(exercise.id.to_string()).or_default();
        let index = (*shown).min(exercise.hints.len() - 1);
        *shown = index + 1;
        (index + 1, exercise.hints[index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_survives_a_round_trip() {
        let mut progress = Progress::default();
        progress.done.insert("2.1".into(), file_hash("fn main() {}"));
        progress.hints.insert("1.5".into(), 2);
        assert_eq!(Progress::parse(&progress.render()), progress);
    }
}
