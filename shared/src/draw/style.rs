//! Colours, sizes and the page geometry every picture shares.
//!
//! Colours differ in lightness, not only in hue, so that a grayscale print or
//! a colour-blind reader still tells them apart; all of them sit on white.

/// What a span shows; each kind has its own colour and a name in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Computing on the CPU (a call, a CPU step): the darkest fill.
    Cpu,
    /// Holding a lock such as the GIL: a middle orange.
    Held,
    /// Work moved to another thread or process: a middle blue.
    Offloaded,
    /// Waiting (for a lock, a timer, I/O): a light gray, not counted as busy.
    Waiting,
}

impl Kind {
    /// Every kind, in legend order.
    pub const ALL: [Kind; 4] = [Kind::Cpu, Kind::Held, Kind::Offloaded, Kind::Waiting];

    /// The word written in `data-kind`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Cpu => "cpu",
            Kind::Held => "held",
            Kind::Offloaded => "offloaded",
            Kind::Waiting => "waiting",
        }
    }

    /// The legend's default name for the kind.
    pub fn default_name(self) -> &'static str {
        match self {
            Kind::Cpu => "computing",
            Kind::Held => "holds the lock",
            Kind::Offloaded => "computing elsewhere",
            Kind::Waiting => "waiting",
        }
    }

    /// Whether time in this kind counts as busy in the lane summaries.
    pub fn is_busy(self) -> bool {
        self != Kind::Waiting
    }

    pub(crate) fn fill(self) -> &'static str {
        match self {
            Kind::Cpu => "#1f4e79",       // gray ≈ 27 %
            Kind::Held => "#d0782a",      // gray ≈ 54 %
            Kind::Offloaded => "#5b9bd5", // gray ≈ 56 %
            Kind::Waiting => "#d9dee5",   // gray ≈ 87 %
        }
    }

    /// The colour of a label written on a bar of this kind.
    pub(crate) fn ink(self) -> &'static str {
        match self {
            Kind::Cpu => "#ffffff",
            _ => "#111111",
        }
    }
}

/// The width of every picture, in SVG units: the book's text column is 820 px
/// wide at most (`--content-max-width` in `book/theme/course.css`), so one
/// unit is one pixel there.
pub const WIDTH: f64 = 820.0;
/// Body text: lane names, legend, lane totals.
pub const FONT: f64 = 14.0;
/// The smallest text: axis tick labels, labels on bars and ticks, tables
/// (13 units: 13 px in the book's column, 12 px down to a 757 px column).
pub const SMALL: f64 = 13.0;
/// The picture's title and the group headings.
pub const HEADING: f64 = 16.0;

pub(crate) const TEXT: &str = "#222222";
pub(crate) const MUTED: &str = "#555555";
pub(crate) const GRID: &str = "#e2e2e2";
/// Every other lane is tinted (see-through, so the grid shows), for the eye
/// to follow a lane across.
pub(crate) const STRIPE: &str = "#1f4e79";
pub(crate) const STRIPE_OPACITY: &str = "0.06";
pub(crate) const LATE: &str = "#b00020"; // dark red, gray ≈ 22 %
pub(crate) const ON_TIME: &str = "#2e7d32"; // dark green, gray ≈ 36 %
