//! Import circles: which module of a crate uses which, and the cycles.
//!
//! A crate teaches best when its modules form layers: a lower module never
//! imports the report or the command line that use it. This module reads a
//! crate's `src/` (from each root: `lib.rs`, `main.rs`, `bin/*.rs`), follows
//! its `mod name;` declarations to build the module tree, and collects every
//! path that names a module of the same crate: `use crate::...`,
//! `use super::...`, `use self::...`, a child module by its bare name, and
//! the same paths written inline in code (`crate::report::line(..)`).
//!
//! A module depends on the module a path names (the deepest module in the
//! path). A re-export (`pub use x::Item`) is a `use` like any other, so a
//! child that reaches an item through its parent depends on the parent,
//! which depends on the module that defines the item. Inline test modules
//! (`mod tests { .. }`) are left out: they are leaves that look at their
//! parent. The check is textual (no macro expansion, no `#[path]`), which
//! is enough for code written to be read.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module by its path from the crate root: `[]` is the root, `["cpu",
/// "threads"]` is `crate::cpu::threads`.
pub type ModulePath = Vec<String>;

/// One crate's modules and the modules each one uses.
#[derive(Debug, Default)]
pub struct Graph {
    /// The file of each module.
    pub files: BTreeMap<ModulePath, PathBuf>,
    /// Edges: module -> the modules it uses.
    pub uses: BTreeMap<ModulePath, BTreeSet<ModulePath>>,
}

/// `crate::a::b` for a module path (`crate` for the root).
pub fn name(module: &[String]) -> String {
    std::iter::once("crate")
        .chain(module.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}

/// The roots of a crate: the `path` of its `[lib]` and `[[bin]]` sections
/// in `Cargo.toml`, and Cargo's defaults `src/lib.rs`, `src/main.rs`,
/// `src/bin/*.rs`.
pub fn roots(crate_dir: &Path) -> Vec<PathBuf> {
    let mut roots = BTreeSet::new();
    let manifest = fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap_or_default();
    let mut section = "";
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
        } else if let Some(path) = line.strip_prefix("path = ")
            && (section == "[lib]" || section == "[[bin]]")
        {
            roots.insert(crate_dir.join(path.trim_matches('"')));
        }
    }
    let src = crate_dir.join("src");
    roots.extend(["lib.rs", "main.rs"].iter().map(|f| src.join(f)));
    if let Ok(entries) = fs::read_dir(src.join("bin")) {
        roots.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "rs")),
        );
    }
    roots.into_iter().filter(|p| p.is_file()).collect()
}

/// Reads the module tree under `root` and every module's uses.
pub fn graph(root: &Path) -> Result<Graph, String> {
    let mut graph = Graph::default();
    let mut sources = BTreeMap::new();
    let mut pending = vec![(Vec::new(), root.to_path_buf())];
    // The directory that holds a module's children.
    let child_dir = |module: &ModulePath, file: &Path| -> PathBuf {
        let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        if module.is_empty() || stem == "mod" { dir } else { dir.join(stem.as_ref()) }
    };
    let mut children: BTreeMap<ModulePath, BTreeSet<String>> = BTreeMap::new();
    while let Some((module, file)) = pending.pop() {
        let text = fs::read_to_string(&file)
            .map_err(|err| format!("cannot read {}: {err}", file.display()))?;
        let code = without_inline_modules(&strip_comments_and_literals(&text));
        let dir = child_dir(&module, &file);
        for child in declared_modules(&code) {
            let flat = dir.join(format!("{child}.rs"));
            let nested = dir.join(&child).join("mod.rs");
            let path = if flat.is_file() { flat } else { nested };
            if !path.is_file() {
                return Err(format!("{}: `mod {child};` has no file", file.display()));
            }
            let mut child_module = module.clone();
            child_module.push(child.clone());
            children.entry(module.clone()).or_default().insert(child);
            pending.push((child_module, path));
        }
        graph.files.insert(module.clone(), file);
        sources.insert(module, code);
    }
    let modules: BTreeSet<ModulePath> = graph.files.keys().cloned().collect();
    for (module, code) in &sources {
        let mut used = BTreeSet::new();
        for path in paths(code) {
            if let Some(target) = resolve(module, &path, &modules)
                && &target != module
            {
                used.insert(target);
            }
        }
        graph.uses.insert(module.clone(), used);
    }
    Ok(graph)
}

/// The module a path names from inside `module`: the deepest module along
/// it. `None` for a path into another crate.
fn resolve(
    module: &ModulePath,
    path: &[String],
    modules: &BTreeSet<ModulePath>,
) -> Option<ModulePath> {
    let mut at: ModulePath;
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            at = Vec::new();
            rest = &path[1..];
        }
        Some("self") | Some("super") => {
            at = module.clone();
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "self" => {}
                    "super" => {
                        at.pop()?;
                    }
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        Some(first) => {
            // A bare path starts at a child module, or leaves the crate.
            let mut child = module.clone();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            at = module.clone();
        }
        None => return None,
    }
    for segment in rest {
        let mut next = at.clone();
        next.push(segment.clone());
        if !modules.contains(&next) {
            break;
        }
        at = next;
    }
    Some(at)
}

/// Every path in `code` that may name a module of this crate: each path of
/// each `use` tree, and inline paths `a::b::c`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let after = &rest[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        expand(&after[..end], &mut Vec::new(), &mut found);
        rest = &after[end..];
    }
    // Inline paths: words joined by `::`.
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = (bytes[i].is_alphabetic() || bytes[i] == '_')
            && (i == 0
                || !(bytes[i - 1].is_alphanumeric()
                    || bytes[i - 1] == '_'
                    || bytes[i - 1] == ':'));
        if !starts_word {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < bytes.len() && (bytes[j].is_alphanumeric() || bytes[j] == '_') {
                j += 1;
            }
            segments.push(bytes[start..j].iter().collect::<String>());
            if j + 2 < bytes.len()
                && bytes[j] == ':'
                && bytes[j + 1] == ':'
                && (bytes[j + 2].is_alphabetic() || bytes[j + 2] == '_')
            {
                j += 2;
            } else {
                break;
            }
        }
        if segments.len() > 1 {
            found.push(segments);
        }
        i = j.max(i + 1);
    }
    found
}

/// Expands one `use` tree (`a::{b, c::d as e, f::*}`) into its paths.
fn expand(tree: &str, prefix: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = segments(&tree[..open]);
        let close = tree.rfind('}').unwrap_or(tree.len());
        let inner = &tree[open + 1..close];
        let depth_before = prefix.len();
        prefix.extend(head);
        for part in split_top_level(inner) {
            expand(part, prefix, found);
        }
        prefix.truncate(depth_before);
    } else {
        let path = tree.split(" as ").next().unwrap_or("");
        let mut full = prefix.clone();
        full.extend(segments(path));
        if !full.is_empty() {
            found.push(full);
        }
    }
}

/// `a::b::` as `["a", "b"]` (`*` and empty parts dropped).
fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "*")
        .map(str::to_string)
        .collect()
}

/// Splits at the commas that are not inside braces.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Where the keyword `word` next starts as a whole word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(word).map(|at| at + from) {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let boundary =
            |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary(before) && boundary(after) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The names of `mod name;` declarations (file modules).
fn declared_modules(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "mod") {
        let after = &rest[at + 3..];
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let tail = after.trim_start()[name.len()..].trim_start();
        if !name.is_empty() && tail.starts_with(';') {
            found.push(name);
        }
        rest = after;
    }
    found
}

/// `code` without the bodies of inline modules (`mod tests { .. }`).
fn without_inline_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "mod") {
        let after = &rest[at + 3..];
        let trimmed = after.trim_start();
        let name: String =
            trimmed.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let tail = trimmed[name.len()..].trim_start();
        if name.is_empty() || !tail.starts_with('{') {
            out.push_str(&rest[..at + 3]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        let body_start = rest.len() - tail.len();
        let mut depth = 0;
        let mut end = rest.len();
        for (offset, c) in rest[body_start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = body_start + offset + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `text` with comments removed and string and char literals emptied, so
/// that braces and paths inside them do not count.
fn strip_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && (i == 0 || !is_ident(chars[i - 1]))
        {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A char literal ('x', '\n', '\u{..}'); a lifetime has no closing quote.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The import circles of `graph`: each strongly connected set of two or
/// more modules, as one cycle through them (`a -> b -> a`).
pub fn cycles(graph: &Graph) -> Vec<Vec<ModulePath>> {
    let nodes: Vec<&ModulePath> = graph.files.keys().collect();
    let index: BTreeMap<&ModulePath, usize> =
        nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .map(|n| {
            graph.uses.get(*n).map_or_else(Vec::new, |set| {
                set.iter().filter_map(|m| index.get(m).copied()).collect()
            })
        })
        .collect();
    let mut found = Vec::new();
    for component in strongly_connected(&edges) {
        if component.len() < 2 {
            continue;
        }
        found.push(
            cycle_in(&edges, &component).into_iter().map(|i| nodes[i].clone()).collect(),
        );
    }
    found
}

/// Tarjan's algorithm, iteratively: the strongly connected components.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut next = 0;
    for start in 0..n {
        if index[start] != usize::MAX {
            continue;
        }
        let mut work = vec![(start, 0)];
        while let Some(&mut (v, ref mut child)) = work.last_mut() {
            if *child == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*child) {
                *child += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                component.sort_unstable();
                components.push(component);
            }
        }
    }
    components
}

/// One cycle through the first node of `component`, by breadth-first search
/// inside it: `[a, b, a]`.
fn cycle_in(edges: &[Vec<usize>], component: &[usize]) -> Vec<usize> {
    let inside: BTreeSet<usize> = component.iter().copied().collect();
    let start = component[0];
    let mut came_from: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &w in &edges[v] {
            if !inside.contains(&w) {
                continue;
            }
            if w == start {
                let mut path = vec![start, v];
                let mut at = v;
                while at != start {
                    at = came_from[&at];
                    path.push(at);
                }
                path.reverse();
                return path;
            }
            if let std::collections::btree_map::Entry::Vacant(slot) = came_from.entry(w) {
                slot.insert(v);
                queue.push_back(w);
            }
        }
    }
    component.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|s| s.to_string()).collect()
    }

    /// Use trees expand to one path each, renames and globs included.
    #[test]
    fn expands_use_trees() {
        let found = paths("use crate::{a, b::{c, D as E}, f::*};\nuse std::fmt;");
        assert!(found.contains(&strings(&["crate", "a"])));
        assert!(found.contains(&strings(&["crate", "b", "c"])));
        assert!(found.contains(&strings(&["crate", "b", "D"])));
        assert!(found.contains(&strings(&["crate", "f"])));
        assert!(found.contains(&strings(&["std", "fmt"])));
    }

    /// Inline paths count; comments, strings and inline test modules do not.
    #[test]
    fn reads_inline_paths_but_not_comments_strings_or_tests() {
        let code = strip_comments_and_literals(
            "fn f() { crate::report::line(); } // crate::cli::x\nconst S: &str = \"super::y\";\nconst C: char = '{';\nmod tests { use super::*; }",
        );
        let code = without_inline_modules(&code);
        let found = paths(&code);
        assert!(found.contains(&strings(&["crate", "report", "line"])), "{found:?}");
        assert!(!found.iter().any(|p| p.contains(&"cli".to_string())));
        assert!(!found.iter().any(|p| p.first().is_some_and(|s| s == "super")));
    }

    /// Paths resolve to the deepest module they name, relative paths too.
    #[test]
    fn resolves_to_the_deepest_module() {
        let modules: BTreeSet<ModulePath> = [
            vec![],
            strings(&["cpu"]),
            strings(&["cpu", "threads"]),
            strings(&["report"]),
        ]
        .into_iter()
        .collect();
        let threads = strings(&["cpu", "threads"]);
        let go = |path: &[&str]| resolve(&threads, &strings(path), &modules);
        assert_eq!(go(&["super", "Outcome"]), Some(strings(&["cpu"])));
        assert_eq!(go(&["crate", "report", "Printer"]), Some(strings(&["report"])));
        assert_eq!(go(&["super", "super", "X"]), Some(vec![]));
        assert_eq!(go(&["std", "thread"]), None);
        let root = resolve(&vec![], &strings(&["cpu", "threads", "run"]), &modules);
        assert_eq!(root, Some(threads.clone()));
    }
}
