//! Import circles: which module of a crate uses which, and the circles.
//!
//! A crate reads best in layers: a lower module never imports the report or
//! the command line that use it. This module follows a crate's `mod name;`
//! declarations from each root to find its module files, and reads in each
//! file the paths that name a module of the same crate: `use` trees
//! (`use crate::{a, b::c}`, `use super::x`, a child by its bare name) and
//! inline paths (`crate::report::line(..)`). A path names the deepest
//! module along it, so a re-export (`pub use x::Item`) makes the parent
//! depend on `x`, and a child that takes the item from the parent depends
//! on the parent.
//!
//! A small scanner is enough for code written to be read (rustfmt's
//! layout): comments and string literals are dropped line by line, and an
//! inline module (`mod tests {`) is skipped up to its closing `}` at the
//! start of a line. No macro expansion, no `#[path]`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// A module by its path from the crate root: `[]` is the root, `["cpu",
/// "threads"]` is `crate::cpu::threads`.
pub type Module = Vec<String>;

/// Each module of one crate and the modules it uses.
pub type Graph = BTreeMap<Module, BTreeSet<Module>>;

/// `crate::a::b` for a module (`crate` for the root).
pub fn name(module: &[String]) -> String {
    ["crate".to_string()].iter().chain(module).cloned().collect::<Vec<_>>().join("::")
}

/// The roots of a crate: the `path` of its `[lib]` and `[[bin]]` sections,
/// and Cargo's defaults `src/lib.rs`, `src/main.rs`, `src/bin/*.rs`.
pub fn roots(crate_dir: &Path) -> Vec<PathBuf> {
    let manifest = fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap_or_default();
    let mut roots = BTreeSet::new();
    let mut section = "";
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
        } else if let Some(path) = line.strip_prefix("path = ")
            && ["[lib]", "[[bin]]"].contains(&section)
        {
            roots.insert(crate_dir.join(path.trim_matches('"')));
        }
    }
    let src = crate_dir.join("src");
    roots.extend([src.join("lib.rs"), src.join("main.rs")]);
    roots.extend(
        fs::read_dir(src.join("bin")).into_iter().flatten().flatten().map(|e| e.path()),
    );
    roots
        .into_iter()
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "rs"))
        .collect()
}

static MOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(?:pub(?:\(\w+\))?\s+)?mod\s+(\w+);").unwrap());
static USE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\buse\s+([^;]+);").unwrap());
static PATH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\w+(?:::\w+)+").unwrap());
static NOT_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""(?:[^"\\]|\\.)*"|//.*"#).unwrap());

/// The module tree under `root` and the modules each module uses.
pub fn graph(root: &Path) -> Result<Graph, String> {
    let mut sources = BTreeMap::new();
    let mut pending = vec![(Module::new(), root.to_path_buf())];
    while let Some((module, file)) = pending.pop() {
        let text = fs::read_to_string(&file)
            .map_err(|err| format!("cannot read {}: {err}", file.display()))?;
        let code = code_of(&text);
        // `a.rs`'s children are in `a/`; those of `lib.rs` or `a/mod.rs` beside it.
        let mut dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        if !module.is_empty() && stem != "mod" {
            dir.push(stem.as_ref());
        }
        for child in MOD.captures_iter(&code).map(|c| c[1].to_string()) {
            let path = [dir.join(format!("{child}.rs")), dir.join(&child).join("mod.rs")]
                .into_iter()
                .find(|path| path.is_file())
                .ok_or_else(|| {
                    format!("{}: `mod {child};` has no file", file.display())
                })?;
            pending.push(([module.clone(), vec![child]].concat(), path));
        }
        sources.insert(module, code);
    }
    let modules: BTreeSet<Module> = sources.keys().cloned().collect();
    let mut graph = Graph::new();
    for (module, code) in &sources {
        let mut paths: Vec<String> =
            PATH.find_iter(code).map(|m| m.as_str().to_string()).collect();
        for tree in USE.captures_iter(code) {
            expand("", &tree[1], &mut paths);
        }
        let used = paths.iter().filter_map(|path| resolve(module, path, &modules));
        graph.insert(module.clone(), used.filter(|used| used != module).collect());
    }
    Ok(graph)
}

/// `text` without comments, string literals and inline modules.
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut inline_module = false;
    for line in text.lines() {
        if inline_module {
            inline_module = line != "}";
        } else if line.trim_start_matches("pub ").starts_with("mod ")
            && line.ends_with('{')
        {
            inline_module = true;
        } else {
            code.push_str(&NOT_CODE.replace_all(line, "\"\""));
            code.push('\n');
        }
    }
    code
}

/// Each path of a `use` tree (`a::{b, c::{d as e}, f::*}`), after `prefix`.
fn expand(prefix: &str, tree: &str, paths: &mut Vec<String>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or_default();
        paths.push(format!("{prefix}{path}"));
        return;
    };
    let prefix = format!("{prefix}{}", &tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut depth, mut start) = (0, 0);
    for (at, c) in inner.char_indices().chain([(inner.len(), ',')]) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&prefix, &inner[start..at], paths);
                start = at + 1;
            }
            _ => {}
        }
    }
}

/// The deepest module that `path`, written in `module`, names; `None` for a
/// path outside the crate.
fn resolve(module: &Module, path: &str, modules: &BTreeSet<Module>) -> Option<Module> {
    let mut segments =
        path.split("::").map(str::trim).filter(|s| !s.is_empty()).peekable();
    let mut at = match *segments.peek()? {
        "crate" => Vec::new(),
        "self" | "super" => module.clone(),
        child if modules.contains(&[module.clone(), vec![child.into()]].concat()) => {
            module.clone()
        }
        _ => return None,
    };
    segments.next_if_eq(&"crate");
    for segment in segments {
        match segment {
            "self" => {}
            "super" => {
                at.pop()?;
            }
            _ if modules.contains(&[at.clone(), vec![segment.into()]].concat()) => {
                at.push(segment.into())
            }
            _ => break,
        }
    }
    Some(at)
}

/// The import circles of `graph`: the shortest circle through each module
/// that reaches itself, each circle once (`[a, b, a]`).
pub fn circles(graph: &Graph) -> Vec<Vec<Module>> {
    let mut found: Vec<Vec<Module>> = Vec::new();
    for start in graph.keys() {
        if found.iter().any(|circle| circle.contains(start)) {
            continue;
        }
        let mut came_from: BTreeMap<&Module, &Module> = BTreeMap::new();
        let mut queue = VecDeque::from([start]);
        'search: while let Some(at) = queue.pop_front() {
            for next in &graph[at] {
                if next == start {
                    let mut circle = vec![start.clone(), at.clone()];
                    while circle.last() != Some(start) {
                        circle.push(came_from[circle.last().unwrap()].clone());
                    }
                    circle.reverse();
                    found.push(circle);
                    break 'search;
                }
                if graph.contains_key(next) && !came_from.contains_key(next) {
                    came_from.insert(next, at);
                    queue.push_back(next);
                }
            }
        }
    }
    found
}
