//! `mdbook-listings`: the book's own preprocessor, run by mdBook before its
//! `links` preprocessor (see `book/book.toml`).
//!
//! It does three things mdBook 0.5 does not:
//! - An anchored Rust listing (`{{#include ../../x/src/y.rs:name}}`) is
//!   dedented: mdBook keeps the source's indentation, so a function inside an
//!   `impl` would start 4 or 8 columns in (mdBook issue 1430).
//! - Each such listing gets a caption naming the file it comes from.
//! - A missing file or anchor fails the build. mdBook itself only logs an
//!   error for a missing file and silently includes nothing for a missing
//!   anchor.
//!
//! And it inlines pictures: `{{#include pictures/x.svg}}` becomes the SVG
//! itself inside a `<figure>`, so that its `<title>` hover texts work (an
//! `<img>` shows none) and the browser check can measure its text.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use course_book::include;
use serde_json::Value;

fn main() -> ExitCode {
    // mdBook asks `mdbook-listings supports <renderer>` first: every renderer.
    if std::env::args().nth(1).as_deref() == Some("supports") {
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mdbook-listings: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `[context, book]` on stdin and prints the changed book.
fn run() -> Result<(), String> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|err| err.to_string())?;
    let (context, mut book): (Value, Value) = serde_json::from_str(&input)
        .map_err(|err| format!("expected [context, book] on stdin: {err}"))?;
    let root = context["root"].as_str().ok_or("no root in the context")?;
    let src =
        Path::new(root).join(context["config"]["book"]["src"].as_str().unwrap_or("src"));
    let mut errors = Vec::new();
    visit(&mut book, &src, &mut errors);
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    println!("{book}");
    Ok(())
}

/// Rewrites the content of every chapter found in `value`, recursively.
fn visit(value: &mut Value, src: &Path, errors: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(chapter)) = map.get_mut("Chapter") {
                let dir = chapter["source_path"]
                    .as_str()
                    .and_then(|path| Path::new(path).parent())
                    .map(|parent| src.join(parent))
                    .unwrap_or_else(|| src.to_path_buf());
                if let Some(Value::String(content)) = chapter.get_mut("content") {
                    match rewrite(content, &dir) {
                        Ok(text) => *content = text,
                        Err(err) => errors.push(err),
                    }
                }
            }
            map.values_mut().for_each(|child| visit(child, src, errors));
        }
        Value::Array(items) => {
            items.iter_mut().for_each(|child| visit(child, src, errors))
        }
        _ => {}
    }
}

/// One page: listings dedented and captioned, pictures inlined.
fn rewrite(content: &str, dir: &Path) -> Result<String, String> {
    let mut out: Vec<String> = Vec::new();
    for line in content.lines() {
        let indent = &line[..line.len() - line.trim_start().len()];
        match include::alone(line) {
            Some(found) if found.path.ends_with(".svg") => {
                out.push(picture(&dir.join(&found.path))?)
            }
            Some(found) if found.path.ends_with(".rs") => {
                let text = listing(dir, &found)?;
                caption(&mut out, indent, &found.path);
                out.extend(text.lines().map(|l| format!("{indent}{l}")));
            }
            _ => out.push(line.to_string()),
        }
    }
    let mut text = out.join("\n");
    if content.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// Puts a caption naming `path` (without its `../` prefix) above the code
/// fence that the listing sits in: the last line of `out` opens it.
fn caption(out: &mut Vec<String>, indent: &str, path: &str) {
    let shown = path.trim_start_matches("../");
    let fence = match out.last() {
        Some(last) if last.trim_start().starts_with("```") => out.pop(),
        _ => None,
    };
    out.push(format!("{indent}<p class=\"listing-file\"><code>{shown}</code></p>"));
    out.push(String::new());
    out.extend(fence);
}

/// The lines that `found` shows, dedented by their common indentation.
fn listing(dir: &Path, found: &include::Include) -> Result<String, String> {
    let body = include::shown(dir, found)?;
    if body.trim().is_empty() {
        return Err(format!("{}: shows nothing", dir.join(&found.path).display()));
    }
    Ok(dedent(&body))
}

/// Removes the indentation that every non-blank line shares.
fn dedent(text: &str) -> String {
    let indent = |line: &str| line.len() - line.trim_start().len();
    let lines = text.lines().filter(|line| !line.trim().is_empty());
    let common = lines.map(indent).min().unwrap_or(0);
    let dedented: Vec<&str> =
        text.lines().map(|line| line.get(common..).unwrap_or("").trim_end()).collect();
    dedented.join("\n")
}

/// An SVG file as inline HTML: no XML declaration, and no blank line (a
/// blank line would end Markdown's HTML block and show the rest as text).
fn picture(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("{}: {err}", path.display()))?;
    let start =
        text.find("<svg").ok_or_else(|| format!("{}: not an SVG", path.display()))?;
    let svg: Vec<&str> =
        text[start..].lines().filter(|line| !line.trim().is_empty()).collect();
    Ok(format!("<figure class=\"picture\">\n{}\n</figure>", svg.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Common indentation goes, relative indentation stays, blank lines stay blank.
    #[test]
    fn dedents_by_the_common_indentation() {
        let indented = "        fn a() {\n\n            b();\n        }";
        assert_eq!(dedent(indented), "fn a() {\n\n    b();\n}");
    }

    /// A listing gets a caption above its fence and loses its indentation;
    /// a missing anchor is an error that names it.
    #[test]
    fn captions_and_dedents_a_listing_and_fails_on_a_missing_anchor() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("x.rs"),
            "impl A {\n    // ANCHOR: f\n    fn f() {}\n    // ANCHOR_END: f\n}\n",
        )
        .unwrap();
        let page = "Text\n\n```rust\n{{#include x.rs:f}}\n```\n";
        let out = rewrite(page, dir.path()).unwrap();
        assert_eq!(
            out,
            "Text\n\n<p class=\"listing-file\"><code>x.rs</code></p>\n\n```rust\nfn f() {}\n```\n"
        );
        let err = rewrite("```rust\n{{#include x.rs:g}}\n```\n", dir.path()).unwrap_err();
        assert!(err.contains("no anchor 'g'"), "{err}");
        assert!(rewrite("{{#include y.rs:f}}\n", dir.path()).is_err());
    }

    /// A picture is inlined without its XML declaration and blank lines;
    /// other includes are left to mdBook.
    #[test]
    fn inlines_pictures_and_leaves_other_includes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("p.svg"),
            "<?xml version=\"1.0\"?>\n<svg>\n\n<g/>\n</svg>\n",
        )
        .unwrap();
        let out =
            rewrite("{{#include p.svg}}\n{{#include out.txt}}\n", dir.path()).unwrap();
        assert_eq!(
            out,
            "<figure class=\"picture\">\n<svg>\n<g/>\n</svg>\n</figure>\n{{#include out.txt}}\n"
        );
    }
}
