//! Lanes on one time axis: what ran where, and when.
//!
//! A [`Timeline`] is a list of [`Group`]s (one per run or mode), each a list of
//! [`Lane`]s (one per thread, worker or process). A lane holds [`Span`]s (bars
//! from a start to an end), [`Tick`]s (something due at one time that ran at
//! another: two marks and the lateness between them), [`Mark`]s (one instant)
//! and [`Arrow`]s (from one time to another). All times are [`Duration`]s from
//! one origin shared by the whole picture.
//!
//! Spans narrower than one unit (one pixel at full width) cannot be seen one
//! by one, and thousands of them (the GIL's 5 ms turns over seconds) would
//! make a large file. So each lane draws its thin spans of one kind as a
//! single `<path>` (`class="thin-spans"`), with their count and exact total in
//! `data-count` and `data-total-ms`, touching slivers merged into one shape,
//! and every sliver at least 1 unit wide so that it stays visible.

use std::fmt::Write as _;
use std::time::Duration;

use super::axis::{self, Ticks};
use super::style::{self, FONT, HEADING, Kind, SMALL, WIDTH};
use super::svg::{Tag, coord, document, millis, text_width, title_text};
use crate::format;

/// One interval of a lane: a bar from `start` to `end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// When it began, from the picture's origin.
    pub start: Duration,
    /// When it ended, from the picture's origin.
    pub end: Duration,
    /// A short name (`call 3`, `step 2`), written on the bar when it fits.
    pub label: String,
    /// More hover text, after the numbers (may be empty).
    pub hover: String,
    /// What the span shows (its colour).
    pub kind: Kind,
}

impl Span {
    /// A span of kind [`Kind::Cpu`] with no extra hover text.
    pub fn new(start: Duration, end: Duration, label: impl Into<String>) -> Self {
        Span { start, end, label: label.into(), hover: String::new(), kind: Kind::Cpu }
    }

    /// The same span with another kind.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// The same span with extra hover text.
    pub fn hover(mut self, hover: impl Into<String>) -> Self {
        self.hover = hover.into();
        self
    }

    /// How long the span lasted (zero if it ends before it starts).
    pub fn length(&self) -> Duration {
        self.end.saturating_sub(self.start)
    }
}

/// Something due at one time that ran at another (a timer's tick, a heartbeat).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// When it should have run.
    pub due: Duration,
    /// When it ran.
    pub ran: Duration,
    /// A short name (`tick 3`).
    pub label: String,
    /// Whether the chapter calls it late (red) or on time (green).
    pub late: bool,
}

impl Tick {
    /// How late it ran: `ran − due`, zero if it ran early.
    pub fn lateness(&self) -> Duration {
        self.ran.saturating_sub(self.due)
    }
}

/// One instant in a lane, drawn as a small diamond (a call finished, a signal).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// When it happened.
    pub at: Duration,
    /// A short name, written above the mark when there is room.
    pub label: String,
    /// More hover text (may be empty).
    pub hover: String,
}

/// An arrow from one time to another in a lane (a hand-over, a wait).
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// Where the arrow starts.
    pub from: Duration,
    /// Where its head is.
    pub to: Duration,
    /// A short name, written above the arrow when there is room.
    pub label: String,
    /// More hover text (may be empty).
    pub hover: String,
}

/// One thread, worker or process: a row of the picture.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lane {
    /// The lane's name, written at its left (`loop thread`, `worker 2`).
    pub name: String,
    /// Its bars.
    pub spans: Vec<Span>,
    /// Its ticks, drawn in a band above the bars.
    pub ticks: Vec<Tick>,
    /// Its instants, drawn in the same band.
    pub marks: Vec<Mark>,
    /// Its arrows, drawn in the same band.
    pub arrows: Vec<Arrow>,
}

impl Lane {
    /// An empty lane called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Lane { name: name.into(), ..Lane::default() }
    }

    /// The total length of its busy spans (every kind but [`Kind::Waiting`]).
    pub fn busy(&self) -> Duration {
        self.spans.iter().filter(|s| s.kind.is_busy()).map(Span::length).sum()
    }

    fn has_band(&self) -> bool {
        !(self.ticks.is_empty() && self.marks.is_empty() && self.arrows.is_empty())
    }
}

/// Lanes that belong together (one run, one mode), under a heading.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    /// The heading (`blocked: the step runs on the loop`).
    pub title: String,
    /// Its lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Thin lanes (9 units) without names, for many lanes (20 threads): the
    /// first and last lane are named at the side, every lane on hover.
    pub compact: bool,
}

impl Group {
    /// A group of normal lanes.
    pub fn new(title: impl Into<String>, lanes: Vec<Lane>) -> Self {
        Group { title: title.into(), lanes, compact: false }
    }

    /// A group of thin lanes, for many of them.
    pub fn compact(title: impl Into<String>, lanes: Vec<Lane>) -> Self {
        Group { title: title.into(), lanes, compact: true }
    }
}

/// A whole picture: groups of lanes over one time axis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// The picture's title (also its accessible name).
    pub title: String,
    /// The groups, top to bottom.
    pub groups: Vec<Group>,
    /// Legend names for the kinds, instead of [`Kind::default_name`].
    pub kind_names: Vec<(Kind, String)>,
    /// The axis ends at least here (default: the latest time drawn).
    pub until: Option<Duration>,
    /// Lines of small print under the axis (what the picture shows, the run).
    pub notes: Vec<String>,
    /// The legend's name for [`Mark`]s (default `event`).
    pub mark_name: Option<String>,
    /// Whether a table under the axis repeats each lane's numbers (each
    /// compact group's, summed): spans, busy time, first start, last end.
    pub table: bool,
}

const LEFT_MIN: f64 = 100.0; // lane names end here at least; the plot starts there
const LEFT_MAX: f64 = 260.0; // longer lane names are cut (whole on hover)
const RIGHT: f64 = WIDTH - 96.0; // the plot ends here; lane totals follow
const LANE: f64 = 26.0;
const BAR: f64 = 18.0;
const THIN_LANE: f64 = 9.0;
const THIN_BAR: f64 = 7.0;
const BAND: f64 = 34.0; // the band above the bars for ticks, marks and arrows
const MIN_SLIVER: f64 = 1.0;

impl Timeline {
    /// An empty picture called `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Timeline { title: title.into(), ..Timeline::default() }
    }

    /// Names `kind` in the legend.
    pub fn name_kind(mut self, kind: Kind, name: impl Into<String>) -> Self {
        self.kind_names.retain(|(k, _)| *k != kind);
        self.kind_names.push((kind, name.into()));
        self
    }

    /// Adds a group at the bottom.
    pub fn group(mut self, group: Group) -> Self {
        self.groups.push(group);
        self
    }

    /// Adds the table of each lane's numbers under the axis.
    pub fn with_table(mut self) -> Self {
        self.table = true;
        self
    }

    /// Names the marks in the legend (`call finished`).
    pub fn name_marks(mut self, name: impl Into<String>) -> Self {
        self.mark_name = Some(name.into());
        self
    }

    /// Makes the axis reach at least `end` (to line up several pictures).
    pub fn until(mut self, end: Duration) -> Self {
        self.until = Some(end);
        self
    }

    /// Adds a line of small print under the axis.
    pub fn note(mut self, line: impl Into<String>) -> Self {
        self.notes.push(line.into());
        self
    }

    /// The SVG text of the picture.
    pub fn render(&self) -> String {
        let ticks = axis::time_ticks(self.latest(), 6);
        let widest = self
            .groups
            .iter()
            .flat_map(|g| g.lanes.iter().map(|l| lane_name_width(g, &l.name)))
            .fold(0.0, f64::max);
        let left = (8.0 + widest + 12.0).clamp(LEFT_MIN, LEFT_MAX);
        let scale = Scale { end: ticks.end(), left };
        let mut body = String::new();
        let mut y = 8.0;
        y = self.title_and_legend(&mut body, y);
        let plot_top = y;
        // The grid goes first, behind everything; its height is known later,
        // so lanes are drawn into their own buffer.
        let mut lanes = String::new();
        for group in &self.groups {
            y = draw_group(&mut lanes, group, &scale, y);
        }
        grid(&mut body, &ticks, &scale, plot_top, y);
        body.push_str(&lanes);
        y = time_axis(&mut body, &ticks, &scale, y);
        if self.table {
            y = table(&mut body, &self.groups, y);
        }
        y = notes(&mut body, &self.notes, y);
        document(WIDTH, y + 8.0, &self.title, &body)
    }

    /// Writes the picture to `path`.
    pub fn write(&self, path: &std::path::Path) -> std::io::Result<()> {
        std::fs::write(path, self.render())
    }

    fn latest(&self) -> Duration {
        let mut latest = self.until.unwrap_or_default();
        for lane in self.groups.iter().flat_map(|g| &g.lanes) {
            let ends = lane.spans.iter().map(|s| s.end.max(s.start));
            let ticks = lane.ticks.iter().map(|t| t.ran.max(t.due));
            let marks = lane.marks.iter().map(|m| m.at);
            let arrows = lane.arrows.iter().map(|a| a.to.max(a.from));
            latest =
                ends.chain(ticks).chain(marks).chain(arrows).fold(latest, Duration::max);
        }
        latest
    }

    fn kind_name(&self, kind: Kind) -> &str {
        self.kind_names
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(kind.default_name(), |(_, name)| name)
    }

    fn title_and_legend(&self, out: &mut String, y: f64) -> f64 {
        let y = y + HEADING;
        Tag::new("text")
            .at("x", 8.0)
            .at("y", y)
            .attr("font-size", HEADING)
            .attr("font-weight", "bold")
            .attr("fill", style::TEXT)
            .text(&self.title, out);
        let lanes = || self.groups.iter().flat_map(|g| &g.lanes);
        let mut entries: Vec<(Swatch, String)> = Kind::ALL
            .iter()
            .filter(|&&k| lanes().any(|l| l.spans.iter().any(|s| s.kind == k)))
            .map(|&k| (Swatch::Bar(k), self.kind_name(k).to_string()))
            .collect();
        let ticks = || lanes().flat_map(|l| &l.ticks);
        if ticks().next().is_some() {
            entries.push((Swatch::Due, "due".into()));
            if ticks().any(|t| t.late) {
                entries.push((Swatch::Ran(true), "ran late".into()));
            }
            if ticks().any(|t| !t.late) {
                entries.push((Swatch::Ran(false), "ran on time".into()));
            }
        }
        if lanes().any(|l| !l.marks.is_empty()) {
            let name = self.mark_name.as_deref().unwrap_or("event");
            entries.push((Swatch::Mark, name.to_string()));
        }
        legend(out, &entries, y + 10.0)
    }
}

/// Where a time goes on the x axis.
struct Scale {
    end: f64,
    /// Where the plot starts: after the longest lane name.
    left: f64,
}

impl Scale {
    fn x(&self, t: Duration) -> f64 {
        self.left + (t.as_secs_f64() / self.end).clamp(0.0, 1.0) * (RIGHT - self.left)
    }
}

enum Swatch {
    Bar(Kind),
    Due,
    Ran(bool),
    Mark,
}

/// Legend entries in rows across the width; returns the y below them.
fn legend(out: &mut String, entries: &[(Swatch, String)], top: f64) -> f64 {
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
            Swatch::Mark => diamond(out, cx, cy),
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

/// A downward triangle 12 wide and 10 high with its top at `top`.
fn triangle(out: &mut String, x: f64, top: f64, fill: &str, stroke: &str) {
    Tag::new("path")
        .attr("d", format!("M{} {}h12l-6 10z", coord(x - 6.0), coord(top)))
        .attr("fill", fill)
        .attr("stroke", stroke)
        .attr("stroke-width", 1.5)
        .close(out);
}

/// Where a tick ran: a red triangle if late, a green disc if on time (two
/// shapes, so that grayscale still tells them apart).
fn ran_mark(out: &mut String, x: f64, top: f64, late: bool) {
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

fn diamond(out: &mut String, x: f64, y: f64) {
    Tag::new("path")
        .attr("d", format!("M{} {}l5 5l-5 5l-5-5z", coord(x), coord(y - 5.0)))
        .attr("fill", style::TEXT)
        .close(out);
}

/// Vertical grid lines at each tick, from `top` to `bottom`.
fn grid(out: &mut String, ticks: &Ticks, scale: &Scale, top: f64, bottom: f64) {
    for &value in &ticks.values {
        let x = scale.x(Duration::from_secs_f64(value));
        Tag::new("path")
            .attr("d", format!("M{} {}V{}", coord(x), coord(top), coord(bottom)))
            .attr("stroke", style::GRID)
            .close(out);
    }
}

/// The time axis at `y`: line, tick labels, name; returns the y below it.
fn time_axis(out: &mut String, ticks: &Ticks, scale: &Scale, y: f64) -> f64 {
    Tag::new("path")
        .attr("d", format!("M{} {}H{}", coord(scale.left), coord(y), coord(RIGHT)))
        .attr("stroke", style::MUTED)
        .close(out);
    for &value in &ticks.values {
        let x = scale.x(Duration::from_secs_f64(value));
        Tag::new("path")
            .attr("d", format!("M{} {}v5", coord(x), coord(y)))
            .attr("stroke", style::MUTED)
            .close(out);
        Tag::new("text")
            .attr("class", "axis-tick")
            .attr("data-value", super::svg::plain(value))
            .at("x", x)
            .at("y", y + 5.0 + SMALL + 2.0)
            .attr("font-size", SMALL)
            .attr("text-anchor", "middle")
            .attr("fill", style::TEXT)
            .text(&axis::time_label(value, ticks), out);
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
fn table(out: &mut String, groups: &[Group], top: f64) -> f64 {
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

fn notes(out: &mut String, lines: &[String], mut y: f64) -> f64 {
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

/// Draws one group from `top`; returns the y below it.
fn draw_group(out: &mut String, group: &Group, scale: &Scale, top: f64) -> f64 {
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
fn lane_name_width(group: &Group, name: &str) -> f64 {
    text_width(name, if group.compact { SMALL } else { FONT })
}

/// `name` cut with `…` to fit in `width` units at `size`.
fn fitted(name: &str, width: f64, size: f64) -> String {
    if text_width(name, size) <= width {
        return name.to_string();
    }
    let keep = (width / text_width("x", size)).floor().max(2.0) as usize - 1;
    let mut cut: String = name.chars().take(keep).collect();
    cut.push('…');
    cut
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

#[derive(Debug)]
struct Ids<'a> {
    group: &'a str,
    lane: &'a str,
}

fn spans(
    out: &mut String,
    ids: &Ids<'_>,
    lane: &Lane,
    scale: &Scale,
    top: f64,
    height: f64,
) {
    // Thin spans per kind, drawn together after the wide ones.
    let mut thin: Vec<(Kind, Vec<&Span>)> = Vec::new();
    for span in &lane.spans {
        let (x0, x1) = (scale.x(span.start), scale.x(span.end.max(span.start)));
        if x1 - x0 < 1.0 {
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
            let candidates = [
                format!("{} · {}", span.label, format::duration(length)),
                format::duration(length),
            ];
            if let Some(text) =
                candidates.iter().find(|t| text_width(t, SMALL) + 6.0 <= x1 - x0)
            {
                Tag::new("text")
                    .at("x", (x0 + x1) / 2.0)
                    .at("y", top + height / 2.0 + SMALL * 0.35)
                    .attr("font-size", SMALL)
                    .attr("text-anchor", "middle")
                    .attr("fill", span.kind.ink())
                    .attr("pointer-events", "none")
                    .text(text, out);
            }
        }
    }
    for (kind, list) in thin {
        thin_spans(out, ids, kind, &list, scale, top, height);
    }
}

/// Spans too thin to see one by one: one path, touching slivers merged.
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
        "{}: {} short spans ({}), {} in all, between {} and {}",
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

/// Ticks, marks and arrows in the band above the bars (`top` to `bottom` is
/// the whole lane: a dotted line shows where each tick ran down to the bars).
fn band_items(
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
        let half = text_width(text, SMALL) / 2.0 + 3.0;
        let (a, b) = ((x - half).max(scale.left), (x + half).min(WIDTH - 4.0));
        if taken.iter().any(|&(l, r)| a < r && l < b) {
            return false;
        }
        taken.push((a, b));
        true
    };
    let mut order: Vec<usize> = (0..lane.ticks.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(lane.ticks[i].lateness()));
    let mut labelled = vec![false; lane.ticks.len()];
    for i in order {
        let tick = &lane.ticks[i];
        let x = (scale.x(tick.due) + scale.x(tick.ran)) / 2.0;
        labelled[i] = free(x, &lateness_text(tick));
    }
    for (tick, labelled) in lane.ticks.iter().zip(labelled) {
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
    for mark in &lane.marks {
        let x = scale.x(mark.at);
        let mut title = format!("{} · {}: at {}", ids.lane, mark.label, instant(mark.at));
        if !mark.hover.is_empty() {
            let _ = write!(title, "\n{}", mark.hover);
        }
        Tag::new("g")
            .attr("class", "mark")
            .attr("data-group", ids.group)
            .attr("data-lane", ids.lane)
            .attr("data-at-ms", millis(mark.at))
            .open(out);
        let _ = writeln!(out, "<title>{}</title>", title_text(&title));
        diamond(out, x, line_y);
        if free(x, &mark.label) {
            small_label(out, scale.left, (x, label_y), &mark.label, style::TEXT);
        }
        out.push_str("</g>\n");
    }
    for arrow in &lane.arrows {
        let (x0, x1) = (scale.x(arrow.from), scale.x(arrow.to));
        let length = arrow.to.abs_diff(arrow.from);
        let mut title = format!(
            "{} · {}: {} → {} ({})",
            ids.lane,
            arrow.label,
            instant(arrow.from),
            instant(arrow.to),
            format::duration(length)
        );
        if !arrow.hover.is_empty() {
            let _ = write!(title, "\n{}", arrow.hover);
        }
        Tag::new("g")
            .attr("class", "arrow")
            .attr("data-group", ids.group)
            .attr("data-lane", ids.lane)
            .attr("data-from-ms", millis(arrow.from))
            .attr("data-to-ms", millis(arrow.to))
            .open(out);
        let _ = writeln!(out, "<title>{}</title>", title_text(&title));
        let head = if x1 >= x0 { -6.0 } else { 6.0 };
        Tag::new("path")
            .attr(
                "d",
                format!(
                    "M{} {y}H{x1}M{x1} {y}l{h} -4v8z",
                    coord(x0),
                    y = coord(line_y),
                    x1 = coord(x1),
                    h = coord(head)
                ),
            )
            .attr("stroke", style::TEXT)
            .attr("stroke-width", 1.5)
            .attr("fill", style::TEXT)
            .close(out);
        if free((x0 + x1) / 2.0, &arrow.label) {
            small_label(
                out,
                scale.left,
                ((x0 + x1) / 2.0, label_y),
                &arrow.label,
                style::TEXT,
            );
        }
        out.push_str("</g>\n");
    }
}

/// A time on the axis as hover text writes it: `0` at the origin, else
/// like the programs print durations (`290 ms`, `2.004 s`).
fn instant(t: Duration) -> String {
    if t.is_zero() { "0".to_string() } else { format::duration(t) }
}

fn lateness_text(tick: &Tick) -> String {
    format!("+{}", format::duration(tick.lateness()))
}

fn small_label(
    out: &mut String,
    left: f64,
    (x, y): (f64, f64),
    text: &str,
    colour: &str,
) {
    let half = text_width(text, SMALL) / 2.0;
    Tag::new("text")
        .at("x", x.clamp(left + half, WIDTH - 4.0 - half))
        .at("y", y)
        .attr("font-size", SMALL)
        .attr("text-anchor", "middle")
        .attr("fill", colour)
        .text(text, out);
}
