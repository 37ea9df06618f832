//! Every line the chapter programs print fits 80 columns.
//!
//! A terminal is 80 columns wide and a book's code block about as wide; a
//! line longer than that wraps or scrolls, and the lesson's word falls off
//! the screen. The snapshots hold what the programs print, so this test
//! reads every chapter snapshot's stdout and stderr.

use std::fs;

use course_book::{snapshot, workspace};

/// The widest line a program may print, in characters.
const COLUMNS: usize = 80;

/// No line of any chapter snapshot's output is wider than 80 columns.
#[test]
fn every_printed_line_fits_80_columns() {
    let snapshots = workspace::chapter_snapshots();
    assert!(!snapshots.is_empty(), "no chapter snapshots found");
    let mut too_wide = Vec::new();
    for path in snapshots {
        let text = fs::read_to_string(&path).unwrap();
        let snap = snapshot::parse_command(&text)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        for (stream, output) in [("stdout", &snap.stdout), ("stderr", &snap.stderr)] {
            for line in output.lines() {
                let width = line.chars().count();
                if width > COLUMNS {
                    too_wide.push(format!(
                        "{} ({stream}, {width} columns): {line}",
                        path.strip_prefix(workspace::root()).unwrap_or(&path).display()
                    ));
                }
            }
        }
    }
    assert!(
        too_wide.is_empty(),
        "{} printed lines are wider than {COLUMNS} columns:\n{}",
        too_wide.len(),
        too_wide.join("\n")
    );
}
