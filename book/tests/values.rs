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
    let wanted = include::values_in_pages(&workspace::book_src());
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
    let wanted: BTreeSet<String> = include::values_in_pages(&workspace::book_src())
        .into_iter()
        .flat_map(|(set, files)| {
            files.into_iter().map(move |file| format!("{set}/{file}"))
        })
        .collect();
    assert!(written.len() <= 100, "{} value files", written.len());
    let stale: Vec<&String> = written.difference(&wanted).collect();
    assert!(stale.is_empty(), "value files no page includes: {stale:?}");
}
