//! What a learner reads on a chapter page, kept to the lesson: every page
//! has the same sections in the same order (other sections may sit between
//! them), leads with lesson code, keeps its always-visible text short (deep
//! dives fold into `<details>`), tells no history of the course, and lets
//! no test hook reach a listing or a command the reader types.

use std::fs;
use std::path::PathBuf;

use course_book::{include, markdown, workspace};

/// The sections every chapter page has, in this order, so that a reader
/// always knows where to look.
const SECTIONS: &[&str] = &[
    "## The idea",
    "## The code",
    "## The output",
    "## What to notice",
    "## From Python to Rust",
    "## Exercises",
];

/// Words a chapter page may show outside folded sections and code.
const MAX_VISIBLE_WORDS: usize = 4_000;

/// Where measuring and printing live: not what a page opens with.
const INSTRUMENT: &[&str] = &["/observe/", "/report", "shared/src/measure.rs"];

/// Phrases that tell the course's history instead of the lesson.
const CHANGELOG: &[&str] =
    &["earlier version", "used before", "previous version", "this chapter used to"];

/// Environment variables and calls that exist only for the tests.
const TEST_HOOKS: &[&str] =
    &["COURSE_", "Misbehaviour::from_env", "_DIE_AFTER", "_HANG_AFTER", "SERVICE_RESET"];

/// Every chapter page (`book/src/chapter-*.md`), parts included, and its text.
fn chapter_pages() -> Vec<(PathBuf, String)> {
    let src = workspace::book_src();
    let pages: Vec<(PathBuf, String)> = workspace::pages()
        .into_iter()
        .filter(|path| {
            path.strip_prefix(&src)
                .is_ok_and(|p| p.to_string_lossy().starts_with("chapter-"))
        })
        .map(|page| (page.clone(), fs::read_to_string(page).unwrap()))
        .collect();
    assert!(pages.len() >= 6, "one page per chapter, two for chapter 3");
    pages
}

/// Each chapter page has every common section once, in order.
#[test]
fn chapter_pages_share_their_sections_in_order() {
    for (page, markdown) in chapter_pages() {
        let headings: Vec<&str> =
            markdown.lines().filter(|l| l.starts_with("## ")).collect();
        let at: Vec<usize> = SECTIONS
            .iter()
            .map(|section| {
                let count = headings.iter().filter(|h| *h == section).count();
                assert_eq!(count, 1, "{}: `{section}` {count} times", page.display());
                headings.iter().position(|h| h == section).unwrap()
            })
            .collect();
        assert!(
            at.is_sorted(),
            "{}: sections out of order: {headings:?}",
            page.display()
        );
    }
}

/// The page without fenced code blocks and without `<details>` sections.
fn visible_prose(markdown: &str) -> String {
    let mut prose = String::new();
    let mut folded = 0usize;
    for (_, line) in markdown::split(markdown).0 {
        let trimmed = line.trim_start();
        folded += trimmed.matches("<details").count();
        if folded == 0 && !trimmed.starts_with("{{#include") {
            prose.push_str(line);
            prose.push('\n');
        }
        folded = folded.saturating_sub(trimmed.matches("</details>").count());
    }
    prose
}

/// Each chapter page shows under 4 000 words outside folded sections and code.
#[test]
fn chapter_pages_are_short_where_always_visible() {
    let mut long = Vec::new();
    for (page, markdown) in chapter_pages() {
        let words = visible_prose(&markdown).split_whitespace().count();
        println!("{}: {words} words always visible", page.display());
        if words >= MAX_VISIBLE_WORDS {
            long.push(format!("{}: {words} words", page.display()));
        }
    }
    assert!(long.is_empty(), "pages over {MAX_VISIBLE_WORDS} visible words: {long:?}");
}

/// The first listing of each chapter page is lesson code, and no listing
/// before the page's first output block comes from the measuring or the
/// report.
#[test]
fn chapter_pages_lead_with_the_lesson() {
    for (page, markdown) in chapter_pages() {
        let before_output = include::find(&markdown)
            .into_iter()
            .take_while(|found| !found.path.contains("output/"));
        for path in before_output.map(|found| found.path).filter(|p| p.ends_with(".rs")) {
            assert!(
                !INSTRUMENT.iter().any(|part| path.contains(part)),
                "{}: `{path}` is shown before the first run's output; measuring and \
                 printing belong after it, under how the numbers are measured",
                page.display()
            );
        }
    }
}

/// No page tells the course's history ("an earlier version of this chapter").
#[test]
fn no_changelog_sentences() {
    for (page, markdown) in chapter_pages() {
        let text = markdown.to_lowercase();
        for phrase in CHANGELOG {
            assert!(!text.contains(phrase), "{}: says \"{phrase}\"", page.display());
        }
    }
}

/// No test hook appears in a page's text (its commands included) or in a
/// listing it includes.
#[test]
fn no_test_hooks_reach_the_reader() {
    for (page, markdown) in chapter_pages() {
        for hook in TEST_HOOKS {
            assert!(!markdown.contains(hook), "{}: mentions {hook}", page.display());
        }
        for (found, listing) in include::listings(&page, &markdown) {
            for hook in TEST_HOOKS {
                assert!(
                    !listing.contains(hook),
                    "{}: the listing from {} shows the test hook {hook}",
                    page.display(),
                    found.path
                );
            }
        }
    }
}

/// The prose filter drops code and folded sections, and keeps the rest.
#[test]
fn visible_prose_skips_code_and_folds() {
    let page = "one two\n```rust\nfn hidden() {}\n```\n<details>\n<summary>deep</summary>\n\nfolded words\n\n</details>\nthree\n";
    assert_eq!(
        visible_prose(page).split_whitespace().collect::<Vec<_>>(),
        ["one", "two", "three"]
    );
}
