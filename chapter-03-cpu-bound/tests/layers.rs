//! No import circles: the modules of `src/` form layers, read off their
//! `crate::` paths (the lesson and `observe` at the bottom, then `config`,
//! the modes, the report, and `run` on top).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each top-level module of `src/` and the top-level modules it names as
/// `crate::<name>` (in `use` lines or in paths), tests included.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(fs::read_dir(&path).unwrap().map(|entry| entry.unwrap().path()));
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
        let module = relative.split(['/', '.']).next().unwrap().to_string();
        if module == "lib" || module == "main" {
            continue; // the root declares every module; the binary uses the library
        }
        let text = fs::read_to_string(&path).unwrap();
        let named = graph.entry(module.clone()).or_default();
        for (at, _) in text.match_indices("crate::") {
            let rest = &text[at + "crate::".len()..];
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'));
            let target = &rest[..end.unwrap_or(rest.len())];
            if target != module && !target.is_empty() {
                named.insert(target.to_string());
            }
        }
        // `use crate::{cpu, report};`
        for line in
            text.lines().filter(|line| line.trim_start().starts_with("use crate::{"))
        {
            let inside = line.split('{').nth(1).unwrap_or("").trim_end_matches("};");
            for target in inside.split(',').map(|t| t.trim().split("::").next().unwrap())
            {
                if target != module && !target.is_empty() {
                    named.insert(target.to_string());
                }
            }
        }
    }
    graph
}

/// Depth-first search for a path from `from` back to `to`.
fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(module) = stack.pop() {
        if module == to {
            return true;
        }
        if seen.insert(module.clone()) {
            stack.extend(graph.get(&module).into_iter().flatten().cloned());
        }
    }
    false
}

/// No module imports, directly or through others, a module that imports it.
#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    for (module, targets) in &graph {
        for target in targets {
            assert!(
                !reaches(&graph, target, module),
                "import circle: {module} -> {target} -> ... -> {module}"
            );
        }
    }
}

/// The lesson, the measuring and the configuration never import the report
/// or the program; the measuring imports nothing of the chapter at all.
#[test]
fn lower_modules_never_import_the_report_or_the_program() {
    let graph = imports();
    for lower in ["cpu", "gil", "heartbeat", "interruptible", "observe", "config"] {
        let targets = &graph[lower];
        assert!(
            !targets.contains("report") && !targets.contains("run"),
            "{lower}: {targets:?}"
        );
    }
    assert!(graph["observe"].is_empty(), "observe imports {:?}", graph["observe"]);
}
