//! The exercises, as `build.rs` found them in the chapters' `exercises/`
//! folders: each one's number, folder, what its check measures, its hints
//! and its judge (`judge.rs` in its folder).

use std::path::PathBuf;

use crate::facts::{Facts, Verdict};

/// One exercise: a folder `chapter-*/exercises/N.M-name/` holding the
/// learner's `starter.rs`, the reference `solution.rs`, the `check.rs` that
/// measures an answer in its program, the `judge.rs` that gives the
/// verdict, and `fixtures/`, wrong answers its check must fail.
#[derive(Debug, Clone, Copy)]
pub struct Exercise {
    /// `chapter.exercise`, as the chapter's page numbers it: `2.1`.
    pub id: &'static str,
    /// The folder, from the workspace root.
    pub dir: &'static str,
    /// The wrong answers its check must fail, from the workspace root.
    pub fixtures: &'static [&'static str],
    /// What the check measures, in a few words.
    pub measures: &'static str,
    /// Hints, the gentlest first; a failure names the one for its mistake.
    pub hints: &'static [&'static str],
    /// The verdict on what the check measured.
    pub judge: fn(&Facts) -> Verdict,
}

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

impl Exercise {
    /// The title on the page, from the folder's name: `Yield inside the step`.
    pub fn title(&self) -> String {
        let name = self.dir.rsplit('/').next().unwrap_or_default();
        let words =
            name.split_once('-').map_or(name, |(_, words)| words).replace('-', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// The file the learner edits, from the workspace root.
    pub fn file(&self) -> String {
        format!("{}/starter.rs", self.dir)
    }

    /// The reference solution, beside it.
    pub fn solution(&self) -> String {
        format!("{}/solution.rs", self.dir)
    }
}

/// The exercise numbered `id`, if there is one.
pub fn find(id: &str) -> Option<&'static Exercise> {
    EXERCISES.iter().find(|exercise| exercise.id == id)
}

pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .canonicalize()
        .expect("the workspace is where it was built")
}
