//! The data of a picture: spans and ticks in lanes, lanes in groups.

use std::time::Duration;

use crate::draw::style::Kind;

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

/// One thread, worker or process: a row of the picture.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lane {
    /// The lane's name, written at its left (`loop thread`, `worker 2`).
    pub name: String,
    /// Its bars.
    pub spans: Vec<Span>,
    /// Its ticks, drawn in a band above the bars.
    pub ticks: Vec<Tick>,
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

    pub(super) fn has_band(&self) -> bool {
        !self.ticks.is_empty()
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
