//! The book's output blocks: real runs, held equal to the snapshots.
//!
//! A page shows a program's output with
//! `{{#include output/<crate>/<name>.txt}}` (stdout) or
//! `{{#include output/<crate>/<name>.stderr.txt}}` (stderr). The file is a
//! real release run of the command recorded in the snapshot
//! `<crate>/tests/snapshots/<name>.snap`, written by the `capture` command:
//! its first line is the command as a reader types it (in both files, since
//! a page may show either one alone), then the stream as the program
//! printed it. An empty stream gets no file.
//!
//! A captured run can never drift from its program: [`compare`] applies the
//! chapter's `SNAPSHOT_FILTERS`, then the course's `TIMING_FILTERS`, to the
//! captured text exactly as insta does (each regex's `replace_all`, in order,
//! over the whole insta-cmd text), and requires the snapshot's text.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::{include, snapshot, workspace};

/// One snapshot that a page shows: `<crate>/tests/snapshots/<name>.snap`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Shown {
    /// The chapter crate, e.g. `chapter-02-mixed-tasks`.
    pub krate: String,
    /// The snapshot's short name, e.g. `blocked_tokio`.
    pub name: String,
}

impl Shown {
    /// `book/src/output/<crate>/<name><suffix>`: `.txt` holds the captured
    /// stdout, `.stderr.txt` the stderr, `.took.md` how long the run took.
    pub fn file(&self, suffix: &str) -> PathBuf {
        workspace::output_dir().join(&self.krate).join(format!("{}{suffix}", self.name))
    }

    /// The files of the captured stdout and stderr.
    pub fn stream_files(&self) -> [PathBuf; 2] {
        [self.file(".txt"), self.file(".stderr.txt")]
    }

    /// The snapshot file behind this output, if there is one.
    pub fn snapshot_path(&self) -> Option<PathBuf> {
        let dir = workspace::root().join(&self.krate).join("tests").join("snapshots");
        workspace::files_with_suffix(&dir, ".snap")
            .into_iter()
            .find(|path| snapshot::short_name(path) == self.name)
    }
}

/// `<crate>/<name>`, as the capture's arguments name a run.
impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.krate, self.name)
    }
}

/// The `output/<crate>/<name>` that `include_path` names, if it names one.
pub fn shown_by(include_path: &str) -> Option<Shown> {
    let rest = include_path.strip_prefix("output/")?;
    let (krate, file) = rest.split_once('/')?;
    let name = file.strip_suffix(".stderr.txt").or_else(|| file.strip_suffix(".txt"))?;
    (!krate.is_empty() && !name.is_empty() && !name.contains('/'))
        .then(|| Shown { krate: krate.to_string(), name: name.to_string() })
}

/// Every snapshot that some page of the book shows, with the pages.
pub fn shown_by_pages() -> BTreeMap<Shown, Vec<PathBuf>> {
    let mut shown: BTreeMap<Shown, Vec<PathBuf>> = BTreeMap::new();
    for page in workspace::files_with_suffix(&workspace::book_src(), ".md") {
        let Ok(text) = fs::read_to_string(&page) else { continue };
        for found in include::find(&text) {
            if let Some(one) = shown_by(&found.path) {
                shown.entry(one).or_default().push(page.clone());
            }
        }
    }
    shown
}

/// The chapter's own snapshot filters, by crate name.
pub fn chapter_filters(krate: &str) -> Option<&'static [(&'static str, &'static str)]> {
    Some(match krate {
        "chapter-01-event-loop" => chapter_01_event_loop::SNAPSHOT_FILTERS,
        "chapter-02-mixed-tasks" => chapter_02_mixed_tasks::SNAPSHOT_FILTERS,
        "chapter-03-cpu-bound" => chapter_03_cpu_bound::SNAPSHOT_FILTERS,
        "chapter-04-parallelism" => chapter_04_parallelism::SNAPSHOT_FILTERS,
        "chapter-05-cancellation-and-backpressure" => {
            chapter_05_cancellation_and_backpressure::SNAPSHOT_FILTERS
        }
        // The book's own commands (the exercises checker) add none.
        "book" => &[],
        _ => return None,
    })
}

/// A run's streams, as the capture wrote them (the command line removed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captured {
    /// The command line the first file starts with (`$ cargo run ...`).
    pub command: Option<String>,
    pub stdout: String,
    pub stderr: String,
}

impl Captured {
    /// The files to write for this run: `(path, text)`, one per non-empty
    /// stream, each starting with the command line.
    pub fn files(&self, shown: &Shown) -> Vec<(PathBuf, String)> {
        let mut files = Vec::new();
        for (path, stream) in
            shown.stream_files().into_iter().zip([&self.stdout, &self.stderr])
        {
            if stream.trim().is_empty() {
                continue;
            }
            let mut text =
                self.command.as_ref().map(|line| format!("{line}\n")).unwrap_or_default();
            text.push_str(stream);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            files.push((path, text));
        }
        files
    }

    /// Reads the files of `shown` back; `None` if neither exists.
    pub fn read(shown: &Shown) -> Option<Captured> {
        let [stdout, stderr] =
            shown.stream_files().map(|path| fs::read_to_string(path).ok());
        if stdout.is_none() && stderr.is_none() {
            return None;
        }
        let mut captured = Captured::default();
        for (text, slot) in
            [(stdout, &mut captured.stdout), (stderr, &mut captured.stderr)]
        {
            let Some(text) = text else { continue };
            let (command, body) = split_command(&text);
            if let Some(command) = command {
                captured.command.get_or_insert(command);
            }
            *slot = body.to_string();
        }
        Some(captured)
    }
}

/// The command at the top of a captured file (a `$ ` line and the lines that
/// continue it after a ` \`), and the rest.
fn split_command(text: &str) -> (Option<String>, &str) {
    if !text.starts_with("$ ") {
        return (None, text);
    }
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        end += line.len();
        if !line.trim_end().ends_with(" \\") {
            break;
        }
    }
    (Some(text[..end].trim_end().to_string()), &text[end..])
}

/// Holds a captured run equal to its snapshot after the filters: `Err`
/// names the first line that differs.
pub fn compare(
    krate: &str,
    snapshot_text: &str,
    captured: &Captured,
) -> Result<(), String> {
    let snap = snapshot::parse_command(snapshot_text)?;
    let chapter = chapter_filters(krate)
        .ok_or_else(|| format!("no SNAPSHOT_FILTERS known for crate {krate}"))?;
    // The text insta-cmd hands to insta (its `_run_and_snapshot!`), with the
    // snapshot's own exit lines: the capture checks the exit code itself.
    let whole = format!(
        "success: {}\nexit_code: {}\n----- stdout -----\n{}\n----- stderr -----\n{}",
        snap.success, snap.exit_code, captured.stdout, captured.stderr
    );
    // insta's `add_filter`: each regex's `replace_all` over the whole text, in order.
    let mut redacted = whole;
    for (pattern, replacement) in chapter.iter().chain(shared::snapshot::TIMING_FILTERS) {
        let regex = Regex::new(pattern)
            .map_err(|err| format!("bad filter {pattern:?}: {err}"))?;
        redacted = regex.replace_all(&redacted, *replacement).into_owned();
    }
    // What insta compares: no trailing whitespace, `\r\n` as `\n`.
    let normalized = |text: &str| text.trim_end().replace("\r\n", "\n");
    let redacted = normalized(&redacted);
    let expected = normalized(snapshot::body(snapshot_text)?);
    if redacted == expected {
        return Ok(());
    }
    // The first line that differs: a missing line reads as `(end)`.
    let padded = |text| str::lines(text).chain(std::iter::repeat("(end)"));
    let (number, (want, got)) = (1..)
        .zip(padded(&expected).zip(padded(&redacted)))
        .find(|(_, (want, got))| want != got)
        .expect("two different texts differ in some line");
    Err(format!(
        "line {number} of the snapshot's body differs:\n  snapshot: {want}\n  captured: {got}"
    ))
}

/// Every `.txt` file under `book/src/output/<crate>/` that no page's
/// snapshot accounts for: left over from a snapshot or include now gone.
pub fn stale_files(shown: &BTreeSet<Shown>) -> Vec<PathBuf> {
    let wanted: BTreeSet<PathBuf> = shown.iter().flat_map(Shown::stream_files).collect();
    workspace::files_with_suffix(&workspace::output_dir(), ".txt")
        .into_iter()
        .filter(|path| !wanted.contains(path))
        .filter(|path| path.parent() != Some(Path::new(&workspace::output_dir())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNAP: &str = "---\nsource: tests/cli.rs\ninfo:\n  program: chapter-01-event-loop\n  args:\n    - \"--ticks\"\n    - \"2\"\n---\nsuccess: true\nexit_code: 0\n----- stdout -----\nevery [time]: on time\n\n----- stderr -----\n";

    /// A real run equals its snapshot after the filters; a changed word is
    /// caught, with the line that differs.
    #[test]
    fn a_capture_equals_its_snapshot_after_the_filters() {
        let run = Captured {
            command: None,
            stdout: "every 20.1 ms:    on time\n".into(),
            stderr: String::new(),
        };
        assert_eq!(compare("chapter-01-event-loop", SNAP, &run), Ok(()));
        let late = Captured { stdout: "every 20.1 ms: LATE\n".into(), ..run };
        let err = compare("chapter-01-event-loop", SNAP, &late).unwrap_err();
        assert!(err.contains("captured: every [time]: LATE"), "{err}");
        assert!(compare("no-such-crate", SNAP, &late).is_err());
    }
}
