//! Reads the drawn elements back out of an SVG, for tests.
//!
//! Every span, tick, lane and point the module draws carries a
//! `class` and `data-*` attributes with its numbers. [`elements`] finds them
//! again, so a chapter's test can compare the picture with the run: "the busy
//! spans add up to the measured busy time", "each tick's lateness is the
//! printed one", "each plotted time is the table's".

use std::collections::BTreeMap;

/// One drawn element: its class, its `data-*` attributes and its hover text.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// The element's `class` (`span`, `thin-spans`, `tick`, `point`, ...).
    pub class: String,
    /// Its `data-*` attributes, without the `data-` prefix, unescaped.
    pub data: BTreeMap<String, String>,
    /// Its `<title>` (hover text), unescaped, if it has one.
    pub title: Option<String>,
}

impl Element {
    /// The attribute `data-<key>` as text, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.data.get(key).map(String::as_str)
    }

    /// The attribute `data-<key>` as a number; panics (in a test) if it is
    /// missing or not a number, naming the element.
    pub fn num(&self, key: &str) -> f64 {
        self.get(key)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no number data-{key} on {self:?}"))
    }
}

/// Every element of the SVG text that has a `class`, in document order.
pub fn elements(svg: &str) -> Vec<Element> {
    let mut found = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('/') || tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let attributes = attributes(tag);
        let Some(class) = attributes.get("class") else { continue };
        let data = attributes
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("data-").map(|k| (k.to_string(), v.clone()))
            })
            .collect();
        let title = if tag.ends_with('/') {
            None
        } else {
            rest.trim_start()
                .strip_prefix("<title>")
                .and_then(|t| t.find("</title>").map(|end| unescape(&t[..end])))
        };
        found.push(Element { class: class.clone(), data, title });
    }
    found
}

/// The elements of one class (`"span"`, `"tick"`, `"point"`, ...).
pub fn of_class(svg: &str, class: &str) -> Vec<Element> {
    elements(svg).into_iter().filter(|e| e.class == class).collect()
}

/// The total length in milliseconds of the spans drawn in lanes for which
/// `keep(group, lane)` is true, wide (`span`) and thin (`thin-spans`) alike,
/// counting only the busy kinds (not `waiting`).
pub fn busy_ms(svg: &str, keep: impl Fn(&str, &str) -> bool) -> f64 {
    elements(svg)
        .iter()
        .filter(|e| e.get("kind").is_some_and(|k| k != "waiting"))
        .filter(|e| keep(e.get("group").unwrap_or(""), e.get("lane").unwrap_or("")))
        .map(|e| match e.class.as_str() {
            "span" => e.num("end-ms") - e.num("start-ms"),
            "thin-spans" => e.num("total-ms"),
            _ => 0.0,
        })
        .sum()
}

fn attributes(tag: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(' ').next().unwrap_or("").trim().to_string();
        let after = &rest[eq + 2..];
        let Some(close) = after.find('"') else { break };
        map.insert(name, unescape(&after[..close]));
        rest = &after[close + 1..];
    }
    map
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
}
