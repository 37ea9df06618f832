//! Where things go and how they are written: the sizes, the time scale,
//! times as hover text, names cut to fit, and the ids every element carries.

use std::time::Duration;

use crate::draw::style::WIDTH;
use crate::draw::svg::text_width;
use crate::format;

// Lane names end at LEFT_MIN at least; the plot starts there.
pub(super) const LEFT_MIN: f64 = 100.0;
// Longer lane names are cut at LEFT_MAX (whole on hover).
pub(super) const LEFT_MAX: f64 = 260.0;
// The plot ends at RIGHT; lane totals follow.
pub(super) const RIGHT: f64 = WIDTH - 96.0;
pub(super) const LANE: f64 = 26.0;
pub(super) const BAR: f64 = 18.0;
pub(super) const THIN_LANE: f64 = 9.0;
pub(super) const THIN_BAR: f64 = 7.0;
// The band above the bars for ticks.
pub(super) const BAND: f64 = 34.0;
pub(super) const MIN_SLIVER: f64 = 1.0;

/// Where a time goes on the x axis.
pub(super) struct Scale {
    pub(super) end: f64,
    /// Where the plot starts: after the longest lane name.
    pub(super) left: f64,
}

impl Scale {
    pub(super) fn x(&self, t: Duration) -> f64 {
        self.left + (t.as_secs_f64() / self.end).clamp(0.0, 1.0) * (RIGHT - self.left)
    }
}

/// A time on the axis as hover text writes it: `0` at the origin, else
/// like the programs print durations (`290 ms`, `2.004 s`).
pub(super) fn instant(t: Duration) -> String {
    if t.is_zero() { "0".to_string() } else { format::duration(t) }
}

/// `name` cut with `…` to fit in `width` units at `size`.
pub(super) fn fitted(name: &str, width: f64, size: f64) -> String {
    if text_width(name, size) <= width {
        return name.to_string();
    }
    let keep = (width / text_width("x", size)).floor().max(2.0) as usize - 1;
    let mut cut: String = name.chars().take(keep).collect();
    cut.push('…');
    cut
}

/// The group and lane an element belongs to, for its `data-*` attributes.
#[derive(Debug)]
pub(super) struct Ids<'a> {
    pub(super) group: &'a str,
    pub(super) lane: &'a str,
}
