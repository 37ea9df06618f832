//! No crate of the workspace has an import circle.
//!
//! Lower modules never import the report or the command line that use
//! them: a circle between modules means a reader cannot read them in any
//! order. `course_book::modules` reads each crate's module files and the
//! paths in them; this test fails listing every circle. Two fixtures keep
//! the checker honest: one with a circle it must find, one in layers.

use std::path::Path;

use course_book::modules::{self, name};
use course_book::workspace;

/// The circles of every root of the crate in `dir`, one line each.
fn circles_in(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for root in modules::roots(dir) {
        let graph = modules::graph(&root).unwrap_or_else(|err| panic!("{err}"));
        for circle in modules::circles(&graph) {
            let names: Vec<String> = circle.iter().map(|m| name(m)).collect();
            found.push(format!("{}: {}", root.display(), names.join(" -> ")));
        }
    }
    found
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/modules").join(name)
}

/// The checker finds the circle in a fixture that has one: a `use` one way,
/// a re-export and an inline path the other.
#[test]
fn the_checker_finds_a_circle() {
    let found = circles_in(&fixture("cycle"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with(
            "crate::report -> crate::report::line -> crate::ticker -> crate::report"
        ),
        "{found:?}"
    );
}

/// The checker finds no circle in a fixture in layers (a re-export, a use
/// tree, a test module that looks up, comments and strings that name
/// modules), and reads the edges it has.
#[test]
fn the_checker_passes_layers() {
    assert_eq!(circles_in(&fixture("layers")), Vec::<String>::new());
    let graph = modules::graph(&fixture("layers").join("src/lib.rs")).unwrap();
    let uses = |module: &str| -> Vec<String> {
        let key: Vec<String> = module.split("::").skip(1).map(String::from).collect();
        graph[&key].iter().map(|m| name(m)).collect()
    };
    assert_eq!(uses("crate::report"), ["crate::observe"]);
    assert_eq!(uses("crate::observe"), ["crate::lesson", "crate::observe::clock"]);
    assert_eq!(uses("crate::lesson"), Vec::<String>::new());
}

/// No crate of the workspace has an import circle.
#[test]
fn no_crate_has_an_import_circle() {
    let mut found = Vec::new();
    let mut crates = 0;
    for entry in std::fs::read_dir(workspace::root()).unwrap().flatten() {
        if !modules::roots(&entry.path()).is_empty() {
            crates += 1;
            found.extend(circles_in(&entry.path()));
        }
    }
    assert!(crates >= 6, "only {crates} crates found");
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}
