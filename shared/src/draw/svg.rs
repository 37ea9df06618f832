//! A very small SVG writer: elements with attributes, escaped text, hover titles.
//!
//! Attributes are written in the order they are given and numbers with a
//! fixed number of decimals, so the same picture always gives the same text.

/// Escapes `&`, `<`, `>` and `"` for SVG text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Hover text, escaped, without empty lines: a blank line would end the SVG
/// early when Markdown includes it inline (an HTML block ends at a blank line).
pub fn title_text(text: &str) -> String {
    let lines: Vec<&str> =
        text.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    escape(&lines.join("\n"))
}

/// A coordinate with one decimal, without a trailing `.0` (`12`, `12.5`).
pub fn coord(value: f64) -> String {
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    if text == "-0" { "0".to_string() } else { text.to_string() }
}

/// Milliseconds with three decimals, the form of every `data-*-ms` attribute.
pub fn millis(d: std::time::Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

/// A plain number for `data-x` / `data-y`: up to six decimals, trailing zeros cut.
pub fn plain(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() { "0".to_string() } else { text.to_string() }
}

/// One element being written: `Tag::new("rect").attr("x", 1).close(&mut out)`.
#[derive(Debug)]
pub struct Tag {
    text: String,
}

impl Tag {
    /// Starts an element named `name`.
    pub fn new(name: &str) -> Self {
        Tag { text: format!("<{name}") }
    }

    /// Adds an attribute; its value is escaped.
    pub fn attr(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        // A newline in an attribute is written as a character reference.
        let value = escape(&value.to_string()).replace('\n', "&#10;");
        self.text.push_str(&format!(" {name}=\"{value}\""));
        self
    }

    /// Adds a coordinate attribute, written by [`coord`].
    pub fn at(self, name: &str, value: f64) -> Self {
        self.attr(name, coord(value))
    }

    /// Writes the element with no content: `<rect .../>`.
    pub fn close(self, out: &mut String) {
        out.push_str(&self.text);
        out.push_str("/>\n");
    }

    /// Writes the element with a hover title as its only child.
    pub fn titled(self, title: &str, out: &mut String) {
        let name = self.name();
        out.push_str(&self.text);
        out.push_str("><title>");
        out.push_str(&title_text(title));
        out.push_str(&format!("</title></{name}>\n"));
    }

    /// Writes the element with escaped text content: `<text ...>label</text>`.
    pub fn text(self, content: &str, out: &mut String) {
        let name = self.name();
        out.push_str(&self.text);
        out.push('>');
        out.push_str(&escape(&content.replace('\n', " ")));
        out.push_str(&format!("</{name}>\n"));
    }

    /// Pins the text's width to [`glyph_width`] of `content` at `size`:
    /// a wider fallback font is squeezed to it, a narrower one spread.
    pub fn pinned(self, content: &str, size: f64) -> Self {
        self.at("textLength", glyph_width(content, size))
            .attr("lengthAdjust", "spacingAndGlyphs")
    }

    /// Writes the opening tag only, for a group whose children follow.
    pub fn open(self, out: &mut String) {
        out.push_str(&self.text);
        out.push_str(">\n");
    }

    fn name(&self) -> String {
        self.text[1..].split(' ').next().unwrap_or("g").to_string()
    }
}

/// The root element: `viewBox` 0 0 `width` `height`, shown at the width of the
/// page up to `width` pixels, with the picture's title and description.
pub fn document(width: f64, height: f64, title: &str, body: &str) -> String {
    let mut out = String::new();
    Tag::new("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("class", "draw")
        .attr("viewBox", format!("0 0 {} {}", coord(width), coord(height)))
        .attr("width", "100%")
        .attr("style", format!("max-width:{}px;height:auto", coord(width)))
        .attr("role", "img")
        .attr("font-family", "sans-serif")
        .open(&mut out);
    out.push_str(&format!("<title>{}</title>\n", title_text(title)));
    Tag::new("rect")
        .attr("width", "100%")
        .attr("height", "100%")
        .attr("fill", "#ffffff")
        .close(&mut out);
    out.push_str(body);
    out.push_str("</svg>\n");
    out
}

/// A rough width of `text` at `size` units, for leaving room around free
/// text (lane names, the legend). Sans-serif digits and lower-case letters
/// average a little under 0.6 em in the wider fonts (DejaVu Sans), so this
/// rarely falls short.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.58
}

/// The width of `text` at `size` units in Helvetica's (and Arial's) metrics,
/// glyph by glyph: a space or a `1` is narrower than an `m`. Text written
/// with `textLength` set to this width ([`Tag::pinned`]) takes exactly this
/// width in any font, so a label measured this way fits where it is put.
pub fn glyph_width(text: &str, size: f64) -> f64 {
    text.chars().map(em_width).sum::<f64>() * size
}

/// One glyph's advance in Helvetica, in em (from its font metrics).
fn em_width(c: char) -> f64 {
    match c {
        'm' | 'M' => 0.833,
        'w' => 0.722,
        'W' => 0.944,
        '%' => 0.889,
        'i' | 'j' | 'l' | '\'' | '|' => 0.222,
        ' ' | '.' | ',' | ':' | ';' | '!' | 'f' | 't' | 'I' | '/' | '[' | ']' => 0.278,
        '·' => 0.278,
        'r' | '(' | ')' | '-' => 0.333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 0.5,
        '+' | '=' | '×' => 0.584,
        'a'..='z' | '0'..='9' => 0.556,
        'A'..='Z' => 0.722,
        '→' | '…' | '—' => 1.0,
        _ => 0.6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Labels with `<` and `&` cannot break the document.
    #[test]
    fn escapes_markup() {
        assert_eq!(escape(r#"a < b & "c" > d"#), "a &lt; b &amp; &quot;c&quot; &gt; d");
        let mut out = String::new();
        Tag::new("text").attr("data-lane", "<x&y>").text("1 < 2 & 3", &mut out);
        assert_eq!(out, "<text data-lane=\"&lt;x&amp;y&gt;\">1 &lt; 2 &amp; 3</text>\n");
    }

    /// Hover text keeps its lines but loses empty ones.
    #[test]
    fn titles_have_no_blank_lines() {
        assert_eq!(title_text("a\n\n  \nb & c\n"), "a\nb &amp; c");
    }

    /// Numbers are written the same way every time, without noise digits.
    #[test]
    fn numbers_are_compact() {
        assert_eq!(coord(12.0), "12");
        assert_eq!(coord(12.04), "12");
        assert_eq!(coord(12.26), "12.3");
        assert_eq!(coord(-0.01), "0");
        assert_eq!(plain(2.5), "2.5");
        assert_eq!(plain(4.0), "4");
        assert_eq!(plain(0.0), "0");
        assert_eq!(millis(std::time::Duration::from_micros(12_345)), "12.345");
    }
}
