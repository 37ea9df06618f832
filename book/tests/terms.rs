//! Every term a listing uses that a learner may not know is explained: in
//! the glossary, and on each page before (or just at) its first listing
//! that uses it. A page marks the explanation with `<!-- term: NAME -->`
//! right before the sentence that gives it.

use std::fs;

use course_book::{include, workspace};
use regex::Regex;

/// Each term, and how a listing spells it.
const TERMS: &[(&str, &str)] = &[
    ("Pin", r"\bPin<|\bpin!|\bPin::|\bBox::pin\b"),
    ("Unpin", r"\bUnpin\b"),
    ("oneshot", r"\boneshot\b"),
    ("select!", r"\bselect!"),
    ("join!", r"\bjoin!"),
    ("catch_unwind", r"\bcatch_unwind\b"),
    ("AssertUnwindSafe", r"\bAssertUnwindSafe\b"),
];

/// Each page explains a term before its first listing that uses it.
#[test]
fn every_term_is_explained_before_its_first_listing() {
    let mut problems = Vec::new();
    let mut used = 0;
    for page in workspace::pages() {
        let markdown = fs::read_to_string(&page).unwrap();
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let listings = include::listings(&page, &markdown);
        for (term, spelled) in TERMS {
            let spelled = Regex::new(spelled).unwrap();
            let Some((first, _)) =
                listings.iter().find(|(_, code)| spelled.is_match(code))
            else {
                continue;
            };
            used += 1;
            match markdown.find(&format!("<!-- term: {term} -->")) {
                Some(marked) if marked < first.at => {}
                Some(_) => problems
                    .push(format!("{name}: `{term}` explained after its first listing")),
                None => problems
                    .push(format!("{name}: `{term}` used in a listing, never explained")),
            }
        }
    }
    assert!(used >= TERMS.len(), "only {used} uses found");
    assert!(problems.is_empty(), "terms without a word:\n{}", problems.join("\n"));
}

/// The glossary has an entry for each term (a paragraph that opens in bold
/// and names it).
#[test]
fn every_term_is_in_the_glossary() {
    let glossary = fs::read_to_string(workspace::book_src().join("glossary.md")).unwrap();
    for (term, _) in TERMS {
        assert!(
            glossary.lines().any(|line| line.starts_with("**") && line.contains(&format!("`{term}`"))),
            "the glossary has no entry for `{term}`"
        );
    }
}
