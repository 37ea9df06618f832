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

mod band;
mod frame;
mod lanes;

use std::time::Duration;

use super::axis;
use super::style::{self, HEADING, Kind, WIDTH};
use super::svg::{Tag, document};
use crate::format;
use frame::{Swatch, grid, legend, notes, table, time_axis};
use lanes::{draw_group, lane_name_width};

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

/// A time on the axis as hover text writes it: `0` at the origin, else
/// like the programs print durations (`290 ms`, `2.004 s`).
fn instant(t: Duration) -> String {
    if t.is_zero() { "0".to_string() } else { format::duration(t) }
}
