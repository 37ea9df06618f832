//! The records folder, `book/results/`: one folder per run (`run-1/`,
//! `run-2/`, …), each holding a record set per program
//! (`<name>.jsonl`, JSON lines of [`Record`]), and `provenance.txt`, the
//! machine they were measured on.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use shared::record::Record;

use crate::merge::{self, Merged};
use crate::workspace;

/// `book/results`.
pub fn dir() -> PathBuf {
    workspace::root().join("book").join("results")
}

/// The run folders in `dir`, `run-1` first (by number, so `run-10` comes
/// after `run-9`).
pub fn run_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut runs: Vec<(u32, PathBuf)> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let number = name.strip_prefix("run-")?.parse().ok()?;
            entry.path().is_dir().then(|| (number, entry.path()))
        })
        .collect();
    runs.sort();
    runs.into_iter().map(|(_, path)| path).collect()
}

/// Every record set in `dir`, by name, with its runs in order. A set must be
/// in every run.
pub fn read_runs(dir: &Path) -> Result<BTreeMap<String, Vec<Vec<Record>>>, String> {
    let runs = run_dirs(dir);
    if runs.is_empty() {
        return Err(format!("no runs (run-1/, run-2/, …) in {}", dir.display()));
    }
    let mut sets: BTreeMap<String, Vec<Vec<Record>>> = BTreeMap::new();
    for (number, run) in runs.iter().enumerate() {
        for file in workspace::files_with_suffix(run, ".jsonl") {
            let name =
                file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            let text = fs::read_to_string(&file)
                .map_err(|err| format!("{}: {err}", file.display()))?;
            let records = read_records(&text)
                .map_err(|err| format!("{}: {err}", file.display()))?;
            let set = sets.entry(name.clone()).or_default();
            if set.len() != number {
                return Err(format!(
                    "{name}: missing from a run before {}",
                    run.display()
                ));
            }
            set.push(records);
        }
    }
    if let Some((name, _)) = sets.iter().find(|(_, set)| set.len() != runs.len()) {
        return Err(format!("{name}: not in every run of {}", dir.display()));
    }
    Ok(sets)
}

/// Reads JSON lines into records; blank lines are skipped.
pub fn read_records(text: &str) -> Result<Vec<Record>, String> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(Record::from_json_line)
        .collect()
}

/// Every record set in `dir`, its runs merged ([`merge::merge`]).
pub fn merged(dir: &Path) -> Result<BTreeMap<String, Merged>, String> {
    read_runs(dir)?
        .into_iter()
        .map(|(name, runs)| {
            let merged = merge::merge(&runs).map_err(|err| format!("{name}: {err}"))?;
            Ok((name, merged))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"experiment":"one_call","language":"rust","version":"1.95.0","wall_s":0.2,"cpu_s":0.2,"cores_used":1.0,"cores":2,"limit":40000}"#;

    /// Runs are read in their numeric order; each name gets one list per run.
    #[test]
    fn reads_every_run_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for number in [1, 2, 10] {
            let run = dir.path().join(format!("run-{number}"));
            fs::create_dir_all(&run).unwrap();
            let line = LINE.replace("0.2,\"cpu", &format!("0.{number},\"cpu"));
            fs::write(run.join("python-vs-rust.jsonl"), format!("{line}\n")).unwrap();
        }
        fs::write(dir.path().join("provenance.txt"), "here").unwrap();
        let names: Vec<String> = run_dirs(dir.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["run-1", "run-2", "run-10"]);
        let sets = read_runs(dir.path()).unwrap();
        let walls: Vec<f64> =
            sets["python-vs-rust"].iter().map(|run| run[0].wall_s).collect();
        assert_eq!(walls, [0.1, 0.2, 0.10]);
        let merged = merged(dir.path()).unwrap();
        assert_eq!(merged["python-vs-rust"].runs, 3);
    }

    /// A record set missing from one run, or no runs at all, is an error.
    #[test]
    fn a_set_must_be_in_every_run() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_runs(dir.path()).unwrap_err().starts_with("no runs"));
        for number in [1, 2] {
            fs::create_dir_all(dir.path().join(format!("run-{number}"))).unwrap();
        }
        fs::write(dir.path().join("run-2/x.jsonl"), format!("{LINE}\n")).unwrap();
        let err = read_runs(dir.path()).unwrap_err();
        assert!(err.starts_with("x: missing from a run"), "{err}");
    }
}
