//! No code or output in the book is pasted by hand.
//!
//! Every fenced block that shows Rust code or program output must consist of
//! `{{#include ...}}` lines only, so it cannot drift from the workspace. The
//! exceptions are explicit: shell command lines (`sh`/`console`/`bash`
//! blocks), which show what to type, not what a program printed; and the
//! files under `book/src/results/` and `book/src/output/`, which are not
//! written by hand at all but by the `results` and `capture` commands.

use std::fs;

use course_book::workspace;

/// Languages whose blocks show what to type; everything else must be included.
const TYPED_BY_THE_READER: &[&str] = &["sh", "bash", "console"];

/// Each fenced block outside the exceptions holds include directives and nothing else.
#[test]
fn every_listing_and_output_is_included() {
    let mut problems = Vec::new();
    let mut blocks = 0;
    for page in workspace::pages() {
        let markdown = fs::read_to_string(&page).unwrap();
        let mut open: Option<(usize, String)> = None;
        let mut body = Vec::new();
        for (number, line) in markdown.lines().enumerate() {
            let trimmed = line.trim_start();
            if let Some(info) = trimmed.strip_prefix("```") {
                match open.take() {
                    None => {
                        open = Some((number + 1, info.trim().to_string()));
                        body.clear();
                    }
                    Some((start, info)) => {
                        blocks += 1;
                        let language = info.split(',').next().unwrap_or("").trim();
                        let all_included = !body.is_empty()
                            && body.iter().all(|l: &&str| {
                                l.trim().is_empty() || l.trim().starts_with("{{#")
                            });
                        if !TYPED_BY_THE_READER.contains(&language) && !all_included {
                            problems.push(format!(
                                "{}:{start}: a ```{info} block that is not an include",
                                page.display()
                            ));
                        }
                    }
                }
            } else if open.is_some() {
                body.push(line);
            }
        }
        if let Some((start, _)) = open {
            problems.push(format!("{}:{start}: unclosed code block", page.display()));
        }
    }
    assert!(blocks > 0, "no code blocks found in the book");
    assert!(
        problems.is_empty(),
        "hand-written blocks in the book:\n{}",
        problems.join("\n")
    );
}
