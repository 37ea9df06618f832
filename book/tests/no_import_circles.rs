//! No crate of the workspace has an import circle.
//!
//! Lower modules never import the report or the command line that use
//! them; a circle between modules means a reader cannot read them in any
//! order. `course_book::modules` builds each crate's module graph from its
//! `mod` declarations and its paths (`use crate::..`, `super::..`,
//! `self::..`, inline `crate::x::y`) and this test fails listing any
//! circle. (CI runs this instead of cargo-modules.)

use std::path::Path;

use course_book::modules::{self, name};
use course_book::workspace;

/// The circles of every root of the crate in `dir`, one line each.
fn circles_in(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for root in modules::roots(dir) {
        let graph = modules::graph(&root).unwrap_or_else(|err| panic!("{err}"));
        for cycle in modules::cycles(&graph) {
            let names: Vec<String> = cycle.iter().map(|m| name(m)).collect();
            found.push(format!("{}: {}", root.display(), names.join(" -> ")));
        }
    }
    found
}

/// The checker finds the circle in a fixture that has one, through a
/// `use` and an inline path.
#[test]
fn the_checker_finds_a_circle() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/modules/cycle");
    let found = circles_in(&fixture);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("crate::report"), "{found:?}");
    assert!(found[0].contains("crate::ticker"), "{found:?}");
    assert!(found[0].contains("crate::report::line"), "{found:?}");
}

/// The checker finds no circle in a layered fixture (a re-export, a test
/// module that looks up, comments and strings that name modules).
#[test]
fn the_checker_passes_layers() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/modules/layers");
    assert_eq!(circles_in(&fixture), Vec::<String>::new());
    let graph = modules::graph(&fixture.join("src/lib.rs")).unwrap();
    let report = graph.uses.get(&vec!["report".to_string()]).unwrap();
    assert!(report.contains(&vec!["observe".to_string()]), "{report:?}");
}

/// No crate of the workspace has an import circle.
#[test]
fn no_crate_has_an_import_circle() {
    let mut found = Vec::new();
    let mut crates = 0;
    for entry in std::fs::read_dir(workspace::root()).unwrap().flatten() {
        if entry.path().join("Cargo.toml").is_file()
            && !modules::roots(&entry.path()).is_empty()
        {
            crates += 1;
            found.extend(circles_in(&entry.path()));
        }
    }
    assert!(crates >= 5, "only {crates} crates found");
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}
