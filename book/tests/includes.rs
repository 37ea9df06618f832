//! Every include in the book resolves.
//!
//! mdBook 0.5 logs an error for a missing file and silently includes nothing
//! for a missing anchor, and still exits 0. This test makes both fatal.

use std::fs;

use course_book::{include, workspace};

/// Every `{{#include}}` names an existing file, and every named anchor opens,
/// closes and has content.
#[test]
fn every_include_resolves_to_content() {
    let pages = workspace::files_with_suffix(&workspace::book_src(), ".md");
    assert!(!pages.is_empty(), "no pages found");
    let mut count = 0;
    let mut problems = Vec::new();
    for page in &pages {
        let markdown = fs::read_to_string(page).unwrap();
        for found in include::find(&markdown) {
            count += 1;
            let where_ = format!("{} includes {}", page.display(), found.path);
            match include::shown(page.parent().unwrap(), &found) {
                Err(err) => problems.push(format!("{where_}: {err}")),
                Ok(content) if content.trim().is_empty() => {
                    problems.push(format!("{where_}: includes nothing"))
                }
                Ok(_) => {}
            }
        }
    }
    assert!(
        count > 0,
        "the book includes nothing: its code and output must come from includes"
    );
    assert!(problems.is_empty(), "broken includes:\n{}", problems.join("\n"));
}
