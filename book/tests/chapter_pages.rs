//! Every chapter page has the same sections, in the same order, so a reader
//! always knows where to look: the idea, the code, the output, what to
//! notice, the comparison with Python, and exercises. Other sections may sit
//! between them.

use std::fs;

use course_book::workspace;

const SECTIONS: &[&str] = &[
    "## The idea",
    "## The code",
    "## The output",
    "## What to notice",
    "## From Python to Rust",
    "## Exercises",
];

/// Each `chapter-*.md` page has every common section once, in order.
#[test]
fn chapter_pages_share_their_sections_in_order() {
    let pages: Vec<_> = workspace::files_with_suffix(&workspace::book_src(), ".md")
        .into_iter()
        .filter(|path| path.parent() == Some(workspace::book_src().as_path()))
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("chapter-"))
        })
        .collect();
    // One page per chapter, and chapter 3's part 2 (chapter-03-io-bound.md).
    assert_eq!(pages.len(), 6, "one page per chapter, two for chapter 3: {pages:?}");
    for page in pages {
        let markdown = fs::read_to_string(&page).unwrap();
        let headings: Vec<&str> =
            markdown.lines().filter(|line| line.starts_with("## ")).collect();
        let positions: Vec<usize> = SECTIONS
            .iter()
            .map(|section| {
                let found: Vec<usize> = headings
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h == &section)
                    .map(|(i, _)| i)
                    .collect();
                assert_eq!(
                    found.len(),
                    1,
                    "{}: `{section}` appears {} times",
                    page.display(),
                    found.len()
                );
                found[0]
            })
            .collect();
        assert!(
            positions.is_sorted(),
            "{}: sections out of order: {headings:?}",
            page.display()
        );
    }
}
