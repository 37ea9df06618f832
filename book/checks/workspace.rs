//! Where the workspace, the book and the snapshots are.

use std::fs;
use std::path::{Path, PathBuf};

/// The workspace root (the parent of `book/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("book/ has a parent")
        .to_path_buf()
}

/// `book/src`.
pub fn book_src() -> PathBuf {
    root().join("book").join("src")
}

/// `book/src/output`: the plain copies of the snapshots.
pub fn output_dir() -> PathBuf {
    book_src().join("output")
}

/// The pages written by hand: `book/src/**/*.md` outside the generated
/// `results/` and `output/`.
pub fn pages() -> Vec<PathBuf> {
    let generated = [book_src().join("results"), output_dir()];
    files_with_suffix(&book_src(), ".md")
        .into_iter()
        .filter(|page| !generated.iter().any(|dir| page.starts_with(dir)))
        .collect()
}

/// Writes `text` to `path` (no newline added), making its folder; for the
/// book's commands, a failure is one line on stderr and exit code 1.
pub fn write_or_exit(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    if let Err(err) = fs::write(path, text) {
        eprintln!("error: cannot write {}: {err}", path.display());
        std::process::exit(1);
    }
}

/// Every file under `dir` whose name ends with `suffix`, sorted.
pub fn files_with_suffix(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("target") && !path.ends_with(".git") {
                    stack.push(path);
                }
            } else if path.to_string_lossy().ends_with(suffix) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Every `.snap` file of every chapter crate (`chapter-*/tests/snapshots`).
pub fn chapter_snapshots() -> Vec<PathBuf> {
    let dirs = fs::read_dir(root()).into_iter().flatten().flatten().map(|e| e.path());
    let mut snaps: Vec<PathBuf> = dirs
        .filter(|dir| {
            dir.file_name().is_some_and(|n| n.to_string_lossy().starts_with("chapter-"))
        })
        .flat_map(|dir| files_with_suffix(&dir.join("tests/snapshots"), ".snap"))
        .collect();
    snaps.sort();
    snaps
}
