//! The small shapes of ticks, in the band and in the legend.

use crate::draw::style;
use crate::draw::svg::{Tag, coord};

/// A downward triangle 12 wide and 10 high with its top at `top`.
pub(super) fn triangle(out: &mut String, x: f64, top: f64, fill: &str, stroke: &str) {
    Tag::new("path")
        .attr("d", format!("M{} {}h12l-6 10z", coord(x - 6.0), coord(top)))
        .attr("fill", fill)
        .attr("stroke", stroke)
        .attr("stroke-width", 1.5)
        .close(out);
}

/// Where a tick ran: a red triangle if late, a green disc if on time (two
/// shapes, so that grayscale still tells them apart).
pub(super) fn ran_mark(out: &mut String, x: f64, top: f64, late: bool) {
    if late {
        triangle(out, x, top, style::LATE, style::LATE);
    } else {
        Tag::new("circle")
            .at("cx", x)
            .at("cy", top + 5.0)
            .at("r", 5.0)
            .attr("fill", style::ON_TIME)
            .close(out);
    }
}
