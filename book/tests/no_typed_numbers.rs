//! No measured number in a page is typed by hand.
//!
//! A time, a size, a percentage or a speedup in prose goes stale with the
//! next run: the pages quote measured numbers through the generated files in
//! `book/src/results/` (`{{#include results/values/...}}`). This test reads
//! every page's prose (outside the generated `results/` and `output/`, fenced
//! code blocks, code spans, which show what a reader types, and HTML
//! comments) and names each number followed by a unit: `s`, `ms`, `µs`,
//! `us`, `ns`, `KiB`, `MiB`, `GiB`, `%`, or a speedup like `1.9×`.
//!
//! Numbers that are not measurements (the article's own timings, quoted;
//! fixed settings of the course) pass through [`ALLOWED`], each with its
//! reason.

use std::fs;
use std::sync::LazyLock;

use course_book::{markdown, workspace};
use regex::Regex;

/// Phrases that may appear in prose, and why. Each is removed from a line
/// before it is searched, so the phrase must be written exactly so.
const ALLOWED: &[(&str, &str)] = &[
    // The article's measurements, quoted from it.
    ("30.37 s", "the article's 20 calls on the loop"),
    ("30.67 s", "the article's 20 calls on threads"),
    ("6.8 s", "the article's longest gap between ticks (5.9 to 6.8 s)"),
    ("20 %", "the article's task manager: at most 20 % of the CPU"),
    ("12.5 %", "one of the article's 8 hardware threads"),
    ("1 % more", "30.67 s against 30.37 s, the article's"),
    // Fixed facts of the course and of the tools, not measurements.
    ("5 ms", "CPython's switch interval, and the GIL model's"),
    ("100 ms", "the lateness threshold, the slow service's wait, the beat"),
    ("2 s", "the article's tick interval, chapter 2's"),
    ("1.5 s", "chapter 2's target for one CPU step"),
    ("10 s", "tokio's blocking threads stay idle this long"),
    ("2 MiB", "Rust's default thread stack"),
    ("8 MiB", "Linux's usual default stack (ulimit -s)"),
    ("64 KiB", "the scale-up's thread stacks (THREAD_STACK)"),
    ("32 KiB", "CPython's THREAD_STACK_MIN"),
    ("256 KiB", "io_calls.py's thread stacks and the files' size"),
    ("100 %", "the definition of efficiency: no time lost"),
    ("85 %", "chapter 4's efficiency bar"),
    // Settings of the exercises, the tests and the book's runs, as their
    // commands and checks fix them.
    ("10 ms", "the exercises' ticker interval and first timer delay"),
    ("20 ms", "exercise 1.1's second timer delay"),
    ("30 ms", "exercise 1.1's third timer delay"),
    ("40 ms", "exercise 1.1's timer that stops the loop"),
    ("50 ms", "chapter 2's lateness threshold at a 200 ms interval; a switch interval"),
    ("900 ms", "a threshold chapter 2's exercise on `late_after` tries"),
    ("100 µs", "a switch interval an exercise tries"),
    ("200 µs", "chapter 3's picture: a shorter pause does not cut a bar (GAP)"),
    ("200 ms", "chapter 2's runs' interval; the small I/O run's wait (--wait 200ms)"),
    ("400 ms", "the offloaded runs' interval; the places test's blocking step"),
    ("500 ms", "exercise 4.7's timeout"),
    ("0.1 s", "asyncio's default slow_callback_duration"),
    // Arithmetic on fixed sizes, not measurements.
    ("20 GiB", "10 000 default thread stacks of 2 MiB each"),
    ("28 %", "the top product's share of the tree's work, from the operands' sizes"),
    ("1.56×", "Amdahl's bound with that 28 % on two cores: 1 / (0.28 + 0.72 / 2)"),
];

/// A number and its unit; a speedup's `×` follows the digits directly (with
/// a space, `4 × processes` is a product).
static MEASURED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\w.])(\d+(?:[.,]\d+)?(?:\s?(?:ms|µs|us|ns|KiB|MiB|GiB|s)\b|\s?%|×))",
    )
    .unwrap()
});

/// What the test does not read besides code: includes and HTML comments.
static NOT_PROSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{#[^}]*\}\}|<!--.*?-->").unwrap());

/// `line` with each code span replaced by the word `CODE` (so that
/// "20 `Thread`s" is no "20 s"). A span may go on over lines: `in_span`
/// carries it to the next.
fn without_code(line: &str, in_span: &mut bool) -> String {
    let mut out = String::new();
    for (at, part) in line.split('`').enumerate() {
        if at > 0 {
            *in_span = !*in_span;
            if *in_span {
                out.push_str("CODE");
            }
        }
        if !*in_span {
            out.push_str(part);
        }
    }
    out
}

/// Every allowed phrase that stands alone: no digit, letter or point
/// before it, no digit or letter after it.
static ALLOWED_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    let phrases: Vec<String> = ALLOWED.iter().map(|(p, _)| regex::escape(p)).collect();
    Regex::new(&format!(r"(^|[^\w.])(?:{})($|[^\w])", phrases.join("|"))).unwrap()
});

/// The hand-typed measured numbers in `markdown`, as `line: number: text`.
fn typed_numbers(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let (mut in_span, mut last) = (false, 0);
    for (number, line) in markdown::split(markdown).0 {
        // A paragraph, or a code block between two lines, ends every span.
        if line.trim().is_empty() || number != last + 1 {
            in_span = false;
        }
        last = number;
        let prose = NOT_PROSE.replace_all(line, "INCLUDE");
        let prose = without_code(&prose, &mut in_span);
        let prose = ALLOWED_ALONE.replace_all(&prose, "${1}ALLOWED${2}");
        for hit in MEASURED.captures_iter(&prose) {
            found.push(format!("{number}: {}: {}", &hit[1], line.trim()));
        }
    }
    found
}

/// The pages' prose holds no measured number typed by hand.
#[test]
fn no_page_types_a_measured_number() {
    let mut problems = Vec::new();
    for page in workspace::pages() {
        let markdown = fs::read_to_string(&page).unwrap();
        let name = page.file_name().unwrap().to_string_lossy();
        problems
            .extend(typed_numbers(&markdown).iter().map(|hit| format!("{name}:{hit}")));
    }
    assert!(
        problems.is_empty(),
        "{} measured numbers typed by hand (quote them from book/src/results/, or \
         add a fixed fact to ALLOWED with its reason):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Numbers with units are found in prose; code, includes, comments, fenced
/// blocks and allowed phrases are not read.
#[test]
fn finds_numbers_with_units_in_prose_only() {
    let page = "The loop took 4.2 s, threads 1.95× faster, 87 % busy, 12 µs each.\n\
                A `--interval 50ms` flag, {{#include results/values/x/a.wall_s.txt}}.\n\
                <!-- 3 s --> 20 `Thread`s, chunks of 4 × processes, 2 cores, `a\n\
                --b 3s` and 12.5 s.\n\
                ```text\n3.1 s\n```\n\
                The article's 30.37 s and a 5 ms switch interval.\n";
    let found: Vec<String> = typed_numbers(page)
        .iter()
        .map(|hit| hit.split(": ").nth(1).unwrap().to_string())
        .collect();
    assert_eq!(found, ["4.2 s", "1.95×", "87 %", "12 µs", "12.5 s"]);
}
