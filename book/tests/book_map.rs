//! The map of `book/` (`book/README.md`) names every file of `checks/`,
//! `compare/` and `tests/`, so that a new file cannot hide from it.

use std::fs;

use course_book::workspace;

/// Each file is named by its path from `book/` (or a folder of it, as
/// `tests/fixtures/`), in backticks.
#[test]
fn the_map_names_every_file() {
    let book = workspace::root().join("book");
    let map = fs::read_to_string(book.join("README.md")).expect("book/README.md");
    let mut missing = Vec::new();
    for part in ["checks", "compare", "tests"] {
        for file in workspace::files_with_suffix(&book.join(part), "") {
            let path = file.strip_prefix(&book).unwrap().to_string_lossy().into_owned();
            let named = path
                .match_indices('/')
                .map(|(at, _)| &path[..=at])
                .chain([path.as_str()])
                .skip(1)
                .any(|name| map.contains(&format!("`{name}`")));
            if !named {
                missing.push(path);
            }
        }
    }
    assert!(missing.is_empty(), "book/README.md does not name: {missing:?}");
}
