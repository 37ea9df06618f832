//! The text every picture shares: its title at the top, and its notes at
//! the bottom, in the same place, size and colour in every chart.

use super::style::{self, FONT, HEADING, SMALL};
use super::svg::Tag;

/// The picture's title, bold, its baseline at `y`, from the left edge.
pub fn title(text: &str, y: f64, out: &mut String) {
    Tag::new("text")
        .at("x", 8.0)
        .at("y", y)
        .attr("font-size", HEADING)
        .attr("font-weight", "bold")
        .attr("fill", style::TEXT)
        .text(text, out);
}

/// One muted line per note, below `y`; returns the last line's baseline.
pub fn notes(lines: &[String], mut y: f64, out: &mut String) -> f64 {
    for line in lines {
        y += FONT + 5.0;
        Tag::new("text")
            .at("x", 8.0)
            .at("y", y)
            .attr("font-size", SMALL)
            .attr("fill", style::MUTED)
            .text(line, out);
    }
    y
}
