//! The book's outputs are the snapshots' outputs.
//!
//! Each chapter snapshots its program's real output (timings redacted). The
//! book cannot include a snapshot file directly (insta's header would show),
//! so it includes a plain copy from `book/src/output/<crate>/<name>.txt`
//! (stdout) and `<name>.stderr.txt` (stderr), each only when the stream is
//! not empty. This test
//! fails when a copy is missing, differs from its snapshot, or outlives it.
//!
//! After changing a snapshot, refresh the copies with:
//!
//! ```text
//! UPDATE_BOOK_OUTPUT=1 cargo test -p course-book --test outputs
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use course_book::{snapshot, workspace};

/// What `book/src/output` must contain: path -> text.
fn expected_copies() -> BTreeMap<PathBuf, String> {
    let mut copies = BTreeMap::new();
    for snap_path in workspace::chapter_snapshots() {
        let text = fs::read_to_string(&snap_path).unwrap();
        let snap = snapshot::parse_command(&text)
            .unwrap_or_else(|err| panic!("{}: {err}", snap_path.display()));
        let krate = snap_path
            .ancestors()
            .find(|dir| dir.parent() == Some(workspace::root().as_path()))
            .and_then(|dir| dir.file_name())
            .expect("a snapshot lives inside a chapter crate")
            .to_string_lossy()
            .into_owned();
        let dir = workspace::output_dir().join(&krate);
        let name = snapshot::short_name(&snap_path);
        // A copy holds the text as printed, without insta's trailing blank
        // line; an empty stream gets no copy (there is nothing to show). The
        // first copy starts with the command that made it.
        let mut command = snapshot::command_line(&text);
        for (file, stream) in [
            (format!("{name}.txt"), &snap.stdout),
            (format!("{name}.stderr.txt"), &snap.stderr),
        ] {
            if !stream.trim().is_empty() {
                let mut copy =
                    command.take().map(|line| format!("{line}\n")).unwrap_or_default();
                copy.push_str(stream.trim_end());
                copy.push('\n');
                let previous = copies.insert(dir.join(file), copy);
                assert!(
                    previous.is_none(),
                    "two snapshots in {krate} are both named {name}"
                );
            }
        }
    }
    copies
}

/// Every snapshot's output has an identical plain copy in the book, and the
/// book keeps no copy of a snapshot that no longer exists.
#[test]
fn book_outputs_match_the_snapshots() {
    let expected = expected_copies();
    assert!(
        !expected.is_empty(),
        "no chapter snapshots found under {}",
        workspace::root().display()
    );

    if std::env::var_os("UPDATE_BOOK_OUTPUT").is_some() {
        for path in workspace::files_with_suffix(&workspace::output_dir(), ".txt") {
            if !expected.contains_key(&path) {
                fs::remove_file(&path).unwrap();
            }
        }
        for (path, text) in &expected {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    }

    let mut problems = Vec::new();
    for (path, text) in &expected {
        match fs::read_to_string(path) {
            Ok(copy) if &copy == text => {}
            Ok(_) => {
                problems.push(format!("differs from its snapshot: {}", path.display()))
            }
            Err(_) => problems.push(format!("missing: {}", path.display())),
        }
    }
    for path in workspace::files_with_suffix(&workspace::output_dir(), ".txt") {
        if !expected.contains_key(&path) {
            problems.push(format!("no snapshot behind: {}", path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "the book's outputs are out of date; run `UPDATE_BOOK_OUTPUT=1 cargo test -p course-book --test outputs`:\n{}",
        problems.join("\n")
    );
}
