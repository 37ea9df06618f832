//! The frame around the lanes: legend, grid, time axis, table, notes.

use std::time::Duration;

use super::layout::{RIGHT, Scale, fitted, instant};
use super::model::{Group, Lane};
use super::shapes::{ran_mark, triangle};
use crate::draw::axis::{self, Ticks};
use crate::draw::style::{self, FONT, Kind, SMALL, WIDTH};
use crate::draw::svg::{Tag, coord, millis, text_width};

pub(super) enum Swatch {
    Bar(Kind),
    Due,
    Ran(bool),
}

/// Legend entries in rows across the width; returns the y below them.
pub(super) fn legend(out: &mut String, entries: &[(Swatch, String)], top: f64) -> f64 {
    if entries.is_empty() {
        return top;
    }
    let row = 22.0;
    let start = 8.0;
    let (mut x, mut y) = (start, top);
    for (swatch, name) in entries {
        let width = 22.0 + text_width(name, FONT) + 18.0;
        if x + width > WIDTH - 8.0 && x > start {
            x = start;
            y += row;
        }
        let (cx, cy) = (x + 7.0, y + 8.0);
        match swatch {
            Swatch::Bar(kind) => Tag::new("rect")
                .at("x", x)
                .at("y", y + 1.0)
                .at("width", 14.0)
                .at("height", 14.0)
                .attr("fill", kind.fill())
                .close(out),
            Swatch::Due => triangle(out, cx, cy - 6.0, "none", style::MUTED),
            Swatch::Ran(late) => ran_mark(out, cx, cy - 6.0, *late),
        }
        Tag::new("text")
            .at("x", x + 20.0)
            .at("y", y + 13.0)
            .attr("font-size", FONT)
            .attr("fill", style::TEXT)
            .text(name, out);
        x += width;
    }
    y + row + 6.0
}

/// Vertical grid lines at each tick, from `top` to `bottom`.
pub(super) fn grid(
    out: &mut String,
    ticks: &Ticks,
    scale: &Scale,
    top: f64,
    bottom: f64,
) {
    for &value in &ticks.values {
        let x = scale.x(Duration::from_secs_f64(value));
        Tag::new("path")
            .attr("d", format!("M{} {}V{}", coord(x), coord(top), coord(bottom)))
            .attr("stroke", style::GRID)
            .close(out);
    }
}

/// The time axis at `y`: line, tick labels, name; returns the y below it.
pub(super) fn time_axis(out: &mut String, ticks: &Ticks, scale: &Scale, y: f64) -> f64 {
    Tag::new("path")
        .attr("d", format!("M{} {}H{}", coord(scale.left), coord(y), coord(RIGHT)))
        .attr("stroke", style::MUTED)
        .close(out);
    for &value in &ticks.values {
        let x = scale.x(Duration::from_secs_f64(value));
        axis::x_tick(out, x, y, value, &axis::time_label(value, ticks));
    }
    let name_y = y + 5.0 + SMALL + 6.0 + FONT + 2.0;
    Tag::new("text")
        .attr("class", "axis-name")
        .at("x", (scale.left + RIGHT) / 2.0)
        .at("y", name_y)
        .attr("font-size", FONT)
        .attr("text-anchor", "middle")
        .attr("fill", style::TEXT)
        .text("time since the start of the run →", out);
    name_y + 6.0
}

/// The lanes' numbers as a table (`class="row"`, with `data-*` numbers):
/// one row per lane, one per compact group.
pub(super) fn table(out: &mut String, groups: &[Group], top: f64) -> f64 {
    let row = SMALL + 7.0;
    let columns = [
        ("spans", 420.0),
        ("busy", 510.0),
        ("first start", 620.0),
        ("last end", WIDTH - 8.0),
    ];
    let mut y = top + row;
    let cell =
        |out: &mut String, x: f64, y: f64, text: &str, anchor: &str, bold: bool| {
            Tag::new("text")
                .at("x", x)
                .at("y", y)
                .attr("font-size", SMALL)
                .attr("text-anchor", anchor)
                .attr("font-weight", if bold { "bold" } else { "normal" })
                .attr("fill", style::TEXT)
                .text(text, out);
        };
    cell(out, 8.0, y, "lane", "start", true);
    for (name, x) in columns {
        cell(out, x, y, name, "end", true);
    }
    for group in groups {
        let rows: Vec<(String, Vec<&Lane>)> = if group.compact {
            let name = format!("{} ({} lanes)", group.title, group.lanes.len());
            vec![(name, group.lanes.iter().collect())]
        } else {
            let name = |l: &Lane| format!("{} · {}", group.title, l.name);
            group.lanes.iter().map(|l| (name(l), vec![l])).collect()
        };
        for (name, lanes) in rows {
            y += row;
            let spans = || lanes.iter().flat_map(|l| &l.spans);
            let count = spans().count();
            let busy: Duration = lanes.iter().map(|l| l.busy()).sum();
            let first = spans().map(|s| s.start).min();
            let last = spans().map(|s| s.end).max();
            let when = |t: Option<Duration>| t.map_or("–".to_string(), instant);
            Tag::new("g")
                .attr("class", "row")
                .attr("data-group", &group.title)
                .attr("data-lanes", lanes.len())
                .attr("data-count", count)
                .attr("data-busy-ms", millis(busy))
                .open(out);
            cell(out, 8.0, y, &fitted(&name, 420.0 - 60.0, SMALL), "start", false);
            let texts = [count.to_string(), instant(busy), when(first), when(last)];
            for ((_, x), text) in columns.iter().zip(texts) {
                cell(out, *x, y, &text, "end", false);
            }
            out.push_str("</g>\n");
        }
    }
    y + 6.0
}
