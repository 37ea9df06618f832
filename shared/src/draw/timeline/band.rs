//! The band above a lane's bars: ticks (due, ran, lateness).

use std::fmt::Write as _;

use super::layout::{Ids, Scale, instant};
use super::model::{Lane, Tick};
use super::shapes::{ran_mark, triangle};
use crate::draw::style::{self, SMALL, WIDTH};
use crate::draw::svg::{Tag, coord, millis, text_width, title_text};
use crate::format;

/// A lane with more ticks than this draws its on-time ticks as one path.
const MANY_TICKS: usize = 100;

/// On-time ticks drawn together: a short green stroke where each ran (one
/// per unit of width), with their count and the worst lateness among them.
fn on_time_ticks(
    out: &mut String,
    ids: &Ids<'_>,
    ticks: &[&Tick],
    scale: &Scale,
    y: f64,
) {
    let mut xs: Vec<String> =
        ticks.iter().map(|t| coord(scale.x(t.ran).round())).collect();
    xs.dedup();
    let mut d = String::new();
    for x in &xs {
        let _ = write!(d, "M{x} {}v10", coord(y - 5.0));
    }
    let worst = ticks.iter().map(|t| t.lateness()).max().unwrap_or_default();
    let title = format!(
        "{}: {} ticks on time, the latest of them late by {}",
        ids.lane,
        ticks.len(),
        format::duration(worst)
    );
    Tag::new("path")
        .attr("class", "on-time-ticks")
        .attr("data-group", ids.group)
        .attr("data-lane", ids.lane)
        .attr("data-count", ticks.len())
        .attr("data-max-lateness-ms", millis(worst))
        .attr("d", d)
        .attr("stroke", style::ON_TIME)
        .attr("stroke-width", 1.5)
        .titled(&title, out);
}

/// Ticks in the band above the bars (`top` to `bottom` is
/// the whole lane: a dotted line shows where each tick ran down to the bars).
pub(super) fn band_items(
    out: &mut String,
    ids: &Ids<'_>,
    lane: &Lane,
    scale: &Scale,
    top: f64,
    bottom: f64,
) {
    let label_y = top + SMALL + 1.0;
    let line_y = top + SMALL + 9.0;
    // Labels that do not fit beside the previous ones are left to hover; the
    // latest ticks are labelled first, as the lateness is the lesson.
    let mut taken: Vec<(f64, f64)> = Vec::new();
    let mut free = |x: f64, text: &str| {
        // The span the label will cover where it is drawn: near an edge it
        // is moved inside the plot, so that is where it can collide.
        let (_, (a, b)) = label_place(scale.left, x, text);
        if taken.iter().any(|&(l, r)| a < r && l < b) {
            return false;
        }
        taken.push((a, b));
        true
    };
    // Many ticks (a heartbeat every 10 ms): the on-time ones become one path.
    let (one_by_one, on_time): (Vec<&Tick>, Vec<&Tick>) = if lane.ticks.len() > MANY_TICKS
    {
        lane.ticks.iter().partition(|t| t.late)
    } else {
        (lane.ticks.iter().collect(), Vec::new())
    };
    if !on_time.is_empty() {
        on_time_ticks(out, ids, &on_time, scale, line_y);
    }
    let mut order: Vec<usize> = (0..one_by_one.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(one_by_one[i].lateness()));
    let mut labelled = vec![false; one_by_one.len()];
    for i in order {
        let tick = one_by_one[i];
        let x = (scale.x(tick.due) + scale.x(tick.ran)) / 2.0;
        labelled[i] = free(x, &lateness_text(tick));
    }
    for (tick, labelled) in one_by_one.into_iter().zip(labelled) {
        let (xd, xr) = (scale.x(tick.due), scale.x(tick.ran));
        let colour = if tick.late { style::LATE } else { style::ON_TIME };
        let lateness = tick.lateness();
        let title = format!(
            "{} · {}: due {}, ran {}, {} {}",
            ids.lane,
            tick.label,
            instant(tick.due),
            instant(tick.ran),
            if tick.late { "LATE by" } else { "on time, late by" },
            format::duration(lateness)
        );
        Tag::new("g")
            .attr("class", "tick")
            .attr("data-group", ids.group)
            .attr("data-lane", ids.lane)
            .attr("data-due-ms", millis(tick.due))
            .attr("data-ran-ms", millis(tick.ran))
            .attr("data-lateness-ms", millis(lateness))
            .attr("data-late", tick.late)
            .open(out);
        let _ = writeln!(out, "<title>{}</title>", title_text(&title));
        Tag::new("path")
            .attr(
                "d",
                format!("M{} {}V{}", coord(xr), coord(line_y + 4.0), coord(bottom)),
            )
            .attr("stroke", colour)
            .attr("stroke-dasharray", "2 3")
            .close(out);
        if xr - xd >= 1.0 {
            Tag::new("path")
                .attr("d", format!("M{} {}H{}", coord(xd), coord(line_y), coord(xr)))
                .attr("stroke", colour)
                .attr("stroke-width", 2)
                .close(out);
        }
        triangle(out, xd, line_y - 1.0, "#ffffff", style::MUTED);
        ran_mark(out, xr, line_y - 1.0, tick.late);
        if labelled {
            small_label(
                out,
                scale.left,
                ((xd + xr) / 2.0, label_y),
                &lateness_text(tick),
                colour,
            );
        }
        out.push_str("</g>\n");
    }
}

fn lateness_text(tick: &Tick) -> String {
    format!("+{}", format::duration(tick.lateness()))
}

/// Where a small label meant to be centred on `x` is drawn: its centre, kept
/// inside the plot (from `left` to the picture's right edge), and the span
/// it covers with a margin of 3 on each side.
fn label_place(left: f64, x: f64, text: &str) -> (f64, (f64, f64)) {
    let half = text_width(text, SMALL) / 2.0;
    let centre = x.clamp(left + half, (WIDTH - 4.0 - half).max(left + half));
    (centre, (centre - half - 3.0, centre + half + 3.0))
}

fn small_label(
    out: &mut String,
    left: f64,
    (x, y): (f64, f64),
    text: &str,
    colour: &str,
) {
    Tag::new("text")
        .at("x", label_place(left, x, text).0)
        .at("y", y)
        .attr("font-size", SMALL)
        .attr("text-anchor", "middle")
        .attr("fill", colour)
        .text(text, out);
}
