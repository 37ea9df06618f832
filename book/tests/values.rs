//! The one-value files the pages include come from the records, and only
//! those are written.
//!
//! A page quotes a measured number inline with
//! `{{#include results/values/<set>/<key>.<field>.txt}}`; the `results`
//! command writes exactly the files the pages include. A page that names a
//! value the records do not provide (a typo, a renamed variant) would show
//! nothing, or a stale file: this test names it.

use std::collections::BTreeSet;

use course_book::{include, records, render, workspace};

/// Every value a page includes is one the merged records provide.
#[test]
fn every_included_value_is_provided_by_the_records() {
    let sets = records::merged(&records::dir()).unwrap();
    let wanted = include::values_in_pages();
    assert!(!wanted.is_empty(), "no page includes a value");
    let mut missing = Vec::new();
    for (set, files) in &wanted {
        let provided = sets
            .get(set)
            .map(|merged| render::values(&merged.records).0)
            .unwrap_or_default();
        for file in files.iter().filter(|file| !provided.contains_key(*file)) {
            missing.push(format!("results/values/{set}/{file}"));
        }
    }
    assert!(
        missing.is_empty(),
        "pages include values the records in book/results do not provide:\n{}",
        missing.join("\n")
    );
}

/// The values folder holds the files the pages include, no others (run
/// `cargo run -p course-book --bin results` after changing a page's values).
#[test]
fn the_values_folder_holds_only_what_the_pages_include() {
    let dir = workspace::book_src().join(include::VALUES);
    let written: BTreeSet<String> = workspace::files_with_suffix(&dir, ".txt")
        .iter()
        .filter_map(|path| path.strip_prefix(&dir).ok())
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    let wanted: BTreeSet<String> = include::values_in_pages()
        .into_iter()
        .flat_map(|(set, files)| {
            files.into_iter().map(move |file| format!("{set}/{file}"))
        })
        .collect();
    assert!(written.len() <= 100, "{} value files", written.len());
    let stale: Vec<&String> = written.difference(&wanted).collect();
    assert!(stale.is_empty(), "value files no page includes: {stale:?}");
}

/// The numbers a picture shows in its hover text, as `(series, N, speedup)`
/// for chapter 4's speedup chart (`threads: pool size N = 2, speedup =
/// 1.99×`).
fn speedups_drawn(svg: &str) -> Vec<(String, usize, f64)> {
    let pattern = regex::Regex::new(
        r"<title>(\w+): pool size N = (\d+), speedup = ([\d.]+)×</title>",
    )
    .unwrap();
    pattern
        .captures_iter(svg)
        .filter(|c| &c[1] != "ideal")
        .map(|c| (c[1].to_string(), c[2].parse().unwrap(), c[3].parse().unwrap()))
        .collect()
}

/// Differences between a set's speedup picture and its table (its merged
/// records), one line each.
fn picture_against_table(svg: &str, merged: &course_book::merge::Merged) -> Vec<String> {
    let drawn = speedups_drawn(svg);
    let mut differ = Vec::new();
    if drawn.is_empty() {
        differ.push("the picture shows no speedup".to_string());
    }
    for (variant, workers, speedup) in drawn {
        let row = merged.records.iter().find(|r| {
            r.experiment == "pool"
                && r.variant.as_deref() == Some(&variant)
                && r.workers == Some(workers)
        });
        match row.and_then(|r| r.speedup) {
            Some(table) if (table - speedup).abs() <= 0.006 => {}
            other => differ.push(format!(
                "{variant} N = {workers}: picture {speedup:.2}×, table {other:?}"
            )),
        }
    }
    differ
}

/// Every record set whose pictures the `results` command copied (its
/// `pictures.txt`: the book's after `measure.sh`, and each side set) shows,
/// in chapter 4's speedup picture, the speedups of its table: one run per
/// page, tables and pictures alike.
#[test]
fn a_picture_shows_the_numbers_of_its_table() {
    let book = records::dir();
    let mut sets = vec![(book.clone(), workspace::book_src().join("pictures"))];
    for entry in std::fs::read_dir(book.join("sets")).into_iter().flatten().flatten() {
        sets.push((entry.path(), entry.path().join("pictures")));
    }
    let mut checked = 0;
    for (dir, pictures) in sets {
        let Ok(note) = std::fs::read_to_string(dir.join("pictures.txt")) else {
            continue;
        };
        let merged = records::merged(&dir).unwrap();
        let set = "chapter-04-parallelism";
        let shown = merged[set].run;
        assert!(
            note.contains(&format!("{set}: run-{shown}\n")),
            "{}: the table shows run {shown}, the pictures came from: {note}",
            dir.display()
        );
        let svg = std::fs::read_to_string(pictures.join(format!("{set}-speedup.svg")))
            .unwrap_or_else(|err| panic!("{}: {err}", pictures.display()));
        let differ = picture_against_table(&svg, &merged[set]);
        assert!(differ.is_empty(), "{}: {}", dir.display(), differ.join("\n"));
        checked += 1;
    }
    eprintln!("{checked} record sets' pictures checked against their tables");
}

/// A picture drawn from another run than its table's is caught.
#[test]
fn a_picture_from_another_run_is_caught() {
    let svg = std::fs::read_to_string(
        workspace::book_src().join("pictures/chapter-04-parallelism-speedup.svg"),
    )
    .unwrap();
    let mut merged =
        records::merged(&records::dir()).unwrap()["chapter-04-parallelism"].clone();
    for record in merged.records.iter_mut().filter(|r| r.experiment == "pool") {
        record.speedup = record.speedup.map(|s| s + 0.1);
    }
    let differ = picture_against_table(&svg, &merged);
    assert!(
        differ.iter().any(|line| line.starts_with("threads N = 2: picture")),
        "{differ:?}"
    );
}
