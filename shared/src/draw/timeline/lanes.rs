//! Groups and lanes: headings, names, totals, and the spans as bars.

use std::fmt::Write as _;
use std::time::Duration;

use super::band::band_items;
use super::layout::{
    BAND, BAR, Ids, LANE, MIN_SLIVER, RIGHT, Scale, THIN_BAR, THIN_LANE, fitted, instant,
};
use super::model::{Group, Lane, Span};
use crate::draw::style::{self, FONT, HEADING, Kind, SMALL};
use crate::draw::svg::{Tag, coord, glyph_width, millis, text_width};
use crate::format;

/// A lane with more spans than this draws them all as one path per kind:
/// no label fits on so many, and each would carry its own hover text.
const MANY_SPANS: usize = 40;

/// Draws one group from `top`; returns the y below it.
pub(super) fn draw_group(
    out: &mut String,
    group: &Group,
    scale: &Scale,
    top: f64,
) -> f64 {
    let heading = top + HEADING + 4.0;
    Tag::new("text")
        .attr("class", "group")
        .attr("data-group", &group.title)
        .attr("data-lanes", group.lanes.len())
        .at("x", 8.0)
        .at("y", heading)
        .attr("font-size", HEADING)
        .attr("font-weight", "bold")
        .attr("fill", style::TEXT)
        .text(&group.title, out);
    let mut y = heading + 6.0;
    if group.compact {
        let busy: Duration = group.lanes.iter().map(Lane::busy).sum();
        total_text(out, &format!("Σ {}", format::duration(busy)), heading);
    }
    let first = y;
    for (index, lane) in group.lanes.iter().enumerate() {
        y = draw_lane(out, group, index, lane, scale, y);
    }
    if group.compact && !group.lanes.is_empty() {
        let names = [(first + SMALL, 0), (y - 2.0, group.lanes.len() - 1)];
        for (at, index) in names.iter().take(if group.lanes.len() > 1 { 2 } else { 1 }) {
            Tag::new("text")
                .at("x", scale.left - 8.0)
                .at("y", *at)
                .attr("font-size", SMALL)
                .attr("text-anchor", "end")
                .attr("fill", style::MUTED)
                .text(&fitted(&group.lanes[*index].name, scale.left - 16.0, SMALL), out);
        }
    }
    y + 6.0
}

/// How wide a lane's name is written (compact lanes use the small size).
pub(super) fn lane_name_width(group: &Group, name: &str) -> f64 {
    text_width(name, if group.compact { SMALL } else { FONT })
}

/// Text in the right-hand column, on the baseline `y`.
fn total_text(out: &mut String, text: &str, y: f64) {
    Tag::new("text")
        .at("x", RIGHT + 8.0)
        .at("y", y)
        .attr("font-size", FONT)
        .attr("fill", style::TEXT)
        .text(text, out);
}

/// Draws one lane from `top`; returns the y below it.
fn draw_lane(
    out: &mut String,
    group: &Group,
    index: usize,
    lane: &Lane,
    scale: &Scale,
    top: f64,
) -> f64 {
    let (lane_height, bar) =
        if group.compact { (THIN_LANE, THIN_BAR) } else { (LANE, BAR) };
    let band = if lane.has_band() { BAND } else { 0.0 };
    let bar_top = top + band + (lane_height - bar) / 2.0;
    let bottom = top + band + lane_height;
    let busy = lane.busy();
    let summary = format!(
        "{}: {} span{}, busy {}",
        lane.name,
        lane.spans.len(),
        if lane.spans.len() == 1 { "" } else { "s" },
        format::duration(busy)
    );
    Tag::new("rect")
        .attr("class", "lane")
        .attr("data-group", &group.title)
        .attr("data-lane", &lane.name)
        .attr("data-busy-ms", millis(busy))
        .at("x", scale.left)
        .at("y", top)
        .at("width", RIGHT - scale.left)
        .at("height", bottom - top)
        .attr("fill", style::STRIPE)
        // Odd lanes are fully see-through but still show their hover text.
        .attr(
            "fill-opacity",
            if index.is_multiple_of(2) { style::STRIPE_OPACITY } else { "0" },
        )
        .titled(&summary, out);
    if !group.compact {
        Tag::new("text")
            .at("x", scale.left - 8.0)
            .at("y", bar_top + bar / 2.0 + FONT * 0.35)
            .attr("font-size", FONT)
            .attr("text-anchor", "end")
            .attr("fill", style::TEXT)
            .text(&fitted(&lane.name, scale.left - 16.0, FONT), out);
        let total = if busy.is_zero() {
            "idle".to_string()
        } else {
            format!("busy {}", format::duration(busy))
        };
        total_text(out, &total, bar_top + bar / 2.0 + 5.0);
    }
    let ids = Ids { group: &group.title, lane: &lane.name };
    spans(out, &ids, lane, scale, bar_top, bar);
    if lane.has_band() {
        band_items(out, &ids, lane, scale, top, bottom);
    }
    bottom
}

fn spans(
    out: &mut String,
    ids: &Ids<'_>,
    lane: &Lane,
    scale: &Scale,
    top: f64,
    height: f64,
) {
    // Thin spans per kind, drawn together after the wide ones; in a lane of
    // many spans, all of them.
    let many = lane.spans.len() > MANY_SPANS;
    let mut thin: Vec<(Kind, Vec<&Span>)> = Vec::new();
    for span in &lane.spans {
        let (x0, x1) = (scale.x(span.start), scale.x(span.end.max(span.start)));
        if many || x1 - x0 < 1.0 {
            match thin.iter_mut().find(|(k, _)| *k == span.kind) {
                Some((_, list)) => list.push(span),
                None => thin.push((span.kind, vec![span])),
            }
            continue;
        }
        let length = span.length();
        let mut title = format!(
            "{} · {}: {} → {} ({})",
            ids.lane,
            span.label,
            instant(span.start),
            instant(span.end),
            format::duration(length)
        );
        if !span.hover.is_empty() {
            let _ = write!(title, "\n{}", span.hover);
        }
        Tag::new("rect")
            .attr("class", "span")
            .attr("data-group", ids.group)
            .attr("data-lane", ids.lane)
            .attr("data-kind", span.kind.id())
            .attr("data-start-ms", millis(span.start))
            .attr("data-end-ms", millis(span.end))
            .at("x", x0)
            .at("y", top)
            .at("width", x1 - x0)
            .at("height", height)
            .attr("fill", span.kind.fill())
            .titled(&title, out);
        if height >= SMALL + 3.0 {
            bar_label(out, span, (x0, x1), top + height / 2.0);
        }
    }
    for (kind, list) in thin {
        thin_spans(out, ids, kind, &list, scale, top, height);
    }
}

/// The label written on a bar from `x0` to `x1` around `middle`: its name
/// and length, or its length alone, whichever fits with 2 units to spare on
/// each side. The text is pinned to its measured width, so it fits in any
/// font.
fn bar_label(out: &mut String, span: &Span, (x0, x1): (f64, f64), middle: f64) {
    let length = format::duration(span.length());
    let candidates = [format!("{} · {length}", span.label), length];
    let Some(text) = candidates.iter().find(|t| glyph_width(t, SMALL) + 4.0 <= x1 - x0)
    else {
        return;
    };
    Tag::new("text")
        .attr("class", "bar-label")
        .at("x", (x0 + x1) / 2.0)
        .at("y", middle + SMALL * 0.35)
        .attr("font-size", SMALL)
        .attr("text-anchor", "middle")
        .pinned(text, SMALL)
        .attr("fill", span.kind.ink())
        .attr("pointer-events", "none")
        .text(text, out);
}

/// Spans too thin to see one by one (or too many): one path, touching
/// slivers merged.
fn thin_spans(
    out: &mut String,
    ids: &Ids<'_>,
    kind: Kind,
    list: &[&Span],
    scale: &Scale,
    top: f64,
    height: f64,
) {
    let total: Duration = list.iter().map(|s| s.length()).sum();
    let mut shapes: Vec<(f64, f64)> = list
        .iter()
        .map(|s| {
            let x0 = scale.x(s.start);
            (x0, scale.x(s.end.max(s.start)).max(x0 + MIN_SLIVER))
        })
        .collect();
    shapes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (x0, x1) in shapes {
        match merged.last_mut() {
            Some(last) if x0 <= last.1 + 0.05 => last.1 = last.1.max(x1),
            _ => merged.push((x0, x1)),
        }
    }
    let mut d = String::new();
    for (x0, x1) in &merged {
        let w = coord(x1 - x0);
        let _ = write!(d, "M{} {}h{w}v{}h-{w}z", coord(*x0), coord(top), coord(height));
    }
    let first = list.iter().map(|s| s.start).min().unwrap_or_default();
    let last = list.iter().map(|s| s.end).max().unwrap_or_default();
    let title = format!(
        "{}: {} spans ({}), {} in all, between {} and {}",
        ids.lane,
        list.len(),
        kind.default_name(),
        format::duration(total),
        instant(first),
        instant(last)
    );
    Tag::new("path")
        .attr("class", "thin-spans")
        .attr("data-group", ids.group)
        .attr("data-lane", ids.lane)
        .attr("data-kind", kind.id())
        .attr("data-count", list.len())
        .attr("data-total-ms", millis(total))
        .attr("d", d)
        .attr("fill", kind.fill())
        .titled(&title, out);
}
