//! Finding mdBook includes in Markdown and what each shows (an anchor, a
//! line range, a whole file), one reading for the checks and the preprocessor.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

/// One `{{#include path}}` or `{{#include path:anchor}}` (or
/// `{{#rustdoc_include ...}}`) found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    /// Where the directive starts in the page, in bytes.
    pub at: usize,
    /// The path as written, relative to the page.
    pub path: String,
    /// What follows the path: an anchor name, a line range, or nothing.
    pub selector: Option<String>,
}

/// An include directive: its kind, its path, and what follows a `:`.
static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{#(?:rustdoc_)?include\s+([^}:\s]+)(?::([^}\s]*))?\s*\}\}").unwrap()
});

/// Every include in `markdown`, in order.
pub fn find(markdown: &str) -> Vec<Include> {
    INCLUDE.captures_iter(markdown).map(|c| of(&c)).collect()
}

/// The include that `line` holds alone, as a listing or a picture stands.
pub fn alone(line: &str) -> Option<Include> {
    let found = INCLUDE.captures(line.trim())?;
    (found[0].len() == line.trim().len()).then(|| of(&found))
}

fn of(found: &regex::Captures<'_>) -> Include {
    Include {
        at: found.get(0).map_or(0, |m| m.start()),
        path: found[1].to_string(),
        selector: found.get(2).map(|s| s.as_str().to_string()),
    }
}

/// What `found` shows, read beside its page in `dir`: the anchor's lines,
/// the lines of a range (`2`, `2:10`, `:10`, `2:`), or the whole file
/// without anchor markers. `Err` names the missing file or anchor.
pub fn shown(dir: &Path, found: &Include) -> Result<String, String> {
    let path = dir.join(&found.path);
    let text = std::fs::read_to_string(&path)
        .map_err(|err| format!("{}: {err}", path.display()))?;
    let lines =
        |from: usize, to: usize| text.lines().take(to).skip(from.saturating_sub(1));
    match found.selector.as_deref() {
        Some(range) if range.starts_with(|c: char| c.is_ascii_digit() || c == ':') => {
            let (from, to) = range.split_once(':').unwrap_or((range, range));
            let to = to.parse().unwrap_or(usize::MAX);
            Ok(lines(from.parse().unwrap_or(0), to).collect::<Vec<_>>().join("\n"))
        }
        Some(name) => anchor(&text, name).ok_or_else(|| {
            format!("{}: no anchor '{name}' (ANCHOR: / ANCHOR_END:)", path.display())
        }),
        None => Ok(lines(0, usize::MAX)
            .filter(|l| !l.contains("ANCHOR"))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

/// The Rust listings of `page` (whose text is `markdown`), in order, each
/// with the code it shows (empty when its file or anchor is missing).
pub fn listings(page: &Path, markdown: &str) -> Vec<(Include, String)> {
    let found = find(markdown).into_iter().filter(|found| found.path.ends_with(".rs"));
    let dir = page.parent().unwrap_or(Path::new(""));
    found.map(|found| (found.clone(), shown(dir, &found).unwrap_or_default())).collect()
}

/// Where the one-value files are, relative to a page in `book/src`.
pub const VALUES: &str = "results/values/";

/// Every value file the pages written by hand include, by record set: one
/// for each `{{#include results/values/<set>/<file>}}`.
pub fn values_in_pages() -> BTreeMap<String, BTreeSet<String>> {
    let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for page in crate::workspace::pages() {
        for found in find(&std::fs::read_to_string(&page).unwrap_or_default()) {
            if let Some((set, file)) =
                found.path.strip_prefix(VALUES).and_then(|rest| rest.split_once('/'))
            {
                wanted.entry(set.to_string()).or_default().insert(file.to_string());
            }
        }
    }
    wanted
}

/// The lines between `ANCHOR: name` and `ANCHOR_END: name`, without the
/// lines of other anchors, as mdBook includes them. `None` if the anchor
/// does not open and close in `text`.
pub fn anchor(text: &str, name: &str) -> Option<String> {
    let mut inside = false;
    let mut closed = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        if let Some(found) = marker(line, "ANCHOR:") {
            inside |= found == name;
            continue;
        }
        if let Some(found) = marker(line, "ANCHOR_END:") {
            if found == name && inside {
                inside = false;
                closed = true;
            }
            continue;
        }
        if inside {
            lines.push(line);
        }
    }
    closed.then(|| lines.join("\n"))
}

fn marker<'a>(line: &'a str, tag: &str) -> Option<&'a str> {
    let at = line.find(tag)?;
    line[at + tag.len()..].split_whitespace().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Includes are found with and without a selector.
    #[test]
    fn finds_includes() {
        let md = "a {{#include ../x.rs:here}} b\n{{#include out.txt}}\n{{#title t}}";
        assert_eq!(
            find(md),
            vec![
                Include { at: 2, path: "../x.rs".into(), selector: Some("here".into()) },
                Include { at: 30, path: "out.txt".into(), selector: None },
            ]
        );
        assert_eq!(
            alone(" {{#include p.svg}}").map(|found| found.path),
            Some("p.svg".into())
        );
        assert_eq!(alone("a {{#include p.svg}}"), None);
    }

    /// An anchor's body excludes nested anchor markers; a missing or
    /// unclosed anchor is `None`.
    #[test]
    fn resolves_anchors() {
        let src = "x\n// ANCHOR: a\none\n// ANCHOR: b\ntwo\n// ANCHOR_END: b\n// ANCHOR_END: a\n// ANCHOR: open\n";
        assert_eq!(anchor(src, "a").as_deref(), Some("one\ntwo"));
        assert_eq!(anchor(src, "b").as_deref(), Some("two"));
        assert_eq!(anchor(src, "missing"), None);
        assert_eq!(anchor(src, "open"), None);
    }

    /// A range selects lines from 1, both ends included; no selector, the
    /// whole file without its anchor markers.
    #[test]
    fn shows_ranges_and_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("x.rs"),
            "a\n// ANCHOR: b\nb\n// ANCHOR_END: b\nc\n",
        )
        .unwrap();
        let cases = [
            (Some("1"), "a"),
            (Some("2:3"), "// ANCHOR: b\nb"),
            (Some(":1"), "a"),
            (Some("5:"), "c"),
            (Some("b"), "b"),
            (None, "a\nb\nc"),
        ];
        for (selector, lines) in cases {
            let selector = selector.map(String::from);
            let found = Include { at: 0, path: "x.rs".into(), selector };
            assert_eq!(shown(dir.path(), &found).as_deref(), Ok(lines), "{found:?}");
        }
    }
}
