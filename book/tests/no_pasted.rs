//! No code or output in the book is pasted by hand.
//!
//! Every fenced block that shows Rust code or program output must consist of
//! `{{#include ...}}` lines only, so it cannot drift from the workspace. The
//! exceptions are explicit: shell command lines (`sh`/`console`/`bash`
//! blocks), which show what to type, not what a program printed; and the
//! files under `book/src/results/` and `book/src/output/`, which are not
//! written by hand at all but by the `results` and `capture` commands.

use std::fs;

use course_book::{markdown, workspace};

/// Languages whose blocks show what to type; everything else must be included.
const TYPED_BY_THE_READER: &[&str] = &["sh", "bash", "console"];

/// Each fenced block outside the exceptions holds include directives and nothing else.
#[test]
fn every_listing_and_output_is_included() {
    let mut problems = Vec::new();
    let mut blocks = 0;
    for page in workspace::pages() {
        let text = fs::read_to_string(&page).unwrap();
        for block in markdown::split(&text).1 {
            blocks += 1;
            let at = format!("{}:{}", page.display(), block.line);
            let language = block.info.split(',').next().unwrap_or("").trim();
            let included = block.body.iter().any(|line| !line.trim().is_empty())
                && block
                    .body
                    .iter()
                    .all(|line| line.trim().is_empty() || line.trim().starts_with("{{#"));
            if !block.closed {
                problems.push(format!("{at}: unclosed code block"));
            } else if !TYPED_BY_THE_READER.contains(&language) && !included {
                problems.push(format!(
                    "{at}: a ```{} block that is not an include",
                    block.info
                ));
            }
        }
    }
    assert!(blocks > 0, "no code blocks found in the book");
    assert!(
        problems.is_empty(),
        "hand-written blocks in the book:\n{}",
        problems.join("\n")
    );
}
