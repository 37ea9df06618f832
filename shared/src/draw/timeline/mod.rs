//! Lanes on one time axis: what ran where, and when.
//!
//! A [`Timeline`] is a list of [`Group`]s (one per run or mode), each a list of
//! [`Lane`]s (one per thread, worker or process). A lane holds [`Span`]s (bars
//! from a start to an end), [`Tick`]s (something due at one time that ran at
//! another: two marks and the lateness between them). All times are
//! [`Duration`]s from one origin shared by the whole picture.
//!
//! Spans narrower than one unit (one pixel at full width) cannot be seen one
//! by one, and thousands of them (the GIL's 5 ms turns over seconds) would
//! make a large file. So each lane draws its thin spans of one kind as a
//! single `<path>` (`class="thin-spans"`), with their count and exact total in
//! `data-count` and `data-total-ms`, touching slivers merged into one shape,
//! and every sliver at least 1 unit wide so that it stays visible. A lane of
//! more than 40 spans (a thread the scheduler kept taking off its core) draws
//! all of them that way: no label would fit, and hover text on each would
//! only make the file large.
//!
//! A bar's label (its name and length, or its length alone) is written when
//! it fits with 2 units to spare on each side, measured glyph by glyph
//! ([`svg::glyph_width`](super::svg::glyph_width)) and pinned to that width
//! (`textLength`), so that it fits whatever font the reader's browser picks.
//!
//! # Layout
//!
//! Each module imports only the ones above it in this list.
//!
//! - `model`: the data: [`Span`], [`Tick`], [`Lane`], [`Group`].
//! - `layout`: the sizes, the time scale, times as hover text, names cut to fit.
//! - `shapes`: the small shapes of ticks.
//! - `band`: the band above a lane's bars: ticks.
//! - `lanes`: groups and lanes: headings, names, totals, the spans as bars.
//! - `frame`: the frame around the lanes: legend, grid, time axis, table, notes.
//! - this module: [`Timeline`], which puts them together.

mod band;
mod frame;
mod lanes;
mod layout;
mod model;
mod shapes;

use std::time::Duration;

use super::axis;
use super::style::{HEADING, Kind, WIDTH};
use super::svg::document;
use super::text;
use frame::{Swatch, grid, legend, table, time_axis};
use lanes::{draw_group, lane_name_width};
use layout::{LEFT_MAX, LEFT_MIN, Scale};
pub use model::{Group, Lane, Span, Tick};

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
    /// Whether a table under the axis repeats each lane's numbers (each
    /// compact group's, summed): spans, busy time, first start, last end.
    pub table: bool,
}

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
        y = text::notes(&self.notes, y, &mut body);
        document(WIDTH, y + 8.0, &self.title, &body)
    }

    fn latest(&self) -> Duration {
        let mut latest = self.until.unwrap_or_default();
        for lane in self.groups.iter().flat_map(|g| &g.lanes) {
            let ends = lane.spans.iter().map(|s| s.end.max(s.start));
            let ticks = lane.ticks.iter().map(|t| t.ran.max(t.due));
            latest = ends.chain(ticks).fold(latest, Duration::max);
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
        text::title(&self.title, y, out);
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
        legend(out, &entries, y + 10.0)
    }
}
