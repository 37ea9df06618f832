//! Pictures of a run, as SVG text: lanes on a time axis, line charts and
//! bar charts.
//!
//! The chapters draw what they just measured: [`Timeline`] for what ran where
//! and when (lanes of spans, ticks with their lateness), and
//! [`XyChart`] for numbers against numbers (time and speedup against N, with
//! the ideal line). Both take plain data (times as [`std::time::Duration`]s
//! from one origin) and return the SVG as a `String`; nothing here knows
//! about threads, runtimes or pools.
//!
//! ```
//! use std::time::Duration;
//! use shared::draw::{inspect, Group, Kind, Lane, Span, Tick, Timeline};
//!
//! let ms = Duration::from_millis;
//! let mut lane = Lane::new("loop thread");
//! lane.spans.push(Span::new(ms(0), ms(300), "step 1"));
//! lane.ticks.push(Tick { due: ms(100), ran: ms(300), label: "tick 1".into(), late: true });
//! let mut pool = Lane::new("pool thread");
//! pool.spans.push(Span::new(ms(300), ms(600), "step 2").kind(Kind::Offloaded));
//! let svg = Timeline::new("One step on the loop, one on a pool thread")
//!     .group(Group::new("a run", vec![lane, pool]))
//!     .render();
//!
//! // What a chapter's test can check: the drawing holds the run's numbers.
//! assert_eq!(inspect::busy_ms(&svg, |_group, _lane| true), 600.0);
//! let ticks = inspect::of_class(&svg, "tick");
//! assert_eq!(ticks[0].num("lateness-ms"), 200.0);
//! ```
//!
//! # Why SVG written by hand
//!
//! A picture is a few hundred rectangles and lines with text. Writing them
//! directly (a 100-line writer in [`svg`]) gives what a plotting crate does
//! not: a `<title>` (hover text) and `data-*` attributes on every element,
//! and text whose size, in units, we choose. plotters cannot attach either,
//! and the `svg` crate would only replace `format!` calls. The output is
//! deterministic: the same data always gives the same text.
//!
//! # How the book shows them
//!
//! Every picture is 820 units wide (`viewBox="0 0 820 h"`), shown at
//! `width="100%"` and at most 820 px wide: the book's text column is 820 px
//! (`--content-max-width` in `book/theme/course.css`), so one unit is one
//! pixel in the book. Text is 13 units or more (tick labels, labels on bars
//! and ticks, tables 13; lane names, legend and totals 14; titles 16):
//! 13 px in the book, and 12 px or more in any column at least 757 px wide.
//! The book inlines the file (`{{#include pictures/x.svg}}` on a line of
//! its own; `book/preprocess` wraps it in `<figure class="picture">`): an
//! `<img>` would show no hover text. On a phone the picture scales down with
//! its text; a `figure.picture { overflow-x: auto }` with
//! `figure.picture svg { min-width: 700px }` keeps its text at 11 px and
//! lets the reader scroll sideways instead.
//!
//! The SVG has no blank line (Markdown would end the HTML block there), no
//! `id` and no `<style>` (several pictures can share a page), and its own
//! white background (it stays readable under the book's dark themes). What
//! must be read is also written as text: lane totals beside the lanes,
//! lateness above the ticks, a table of every plotted value under a chart.
//!
//! # Testing what is drawn
//!
//! Each drawn thing carries a `class` and its numbers: `span` (`data-group`,
//! `data-lane`, `data-kind`, `data-start-ms`, `data-end-ms`), `bar-label`
//! (the text on a bar), `thin-spans` (spans under one unit wide, or every
//! span of a lane of more than 40, one path per lane and kind: `data-count`,
//! `data-total-ms`), `lane` (`data-busy-ms`), `tick` (`data-due-ms`,
//! `data-ran-ms`, `data-lateness-ms`, `data-late`), `on-time-ticks` (in a
//! lane of more than 100 ticks, its on-time ones as one path: `data-count`,
//! `data-max-lateness-ms`), `row` of the optional table (`data-count`,
//! `data-busy-ms`), `point` and `value` (`data-series`, `data-x`, `data-y`),
//! `axis-tick` (`data-value`), `group` (`data-lanes`), `bar` and `bar-value`
//! (`data-label`, `data-value`).
//! [`inspect`] reads them back.
//!
//! # Layout
//!
//! - [`timeline`]: lanes of spans and ticks on one time axis.
//! - [`xy`]: lines of points against a numeric x axis, with a table of values.
//! - [`bars`]: horizontal bars, one per thing measured, values written out.
//! - [`axis`]: round tick values and their labels.
//! - [`style`]: colours (told apart by lightness too) and sizes.
//! - [`svg`]: the writer: escaping, numbers, elements.
//! - [`text`]: the title and the notes every picture shares.
//! - [`inspect`]: the drawn elements read back from the SVG text, for tests.

pub mod axis;
pub mod bars;
pub mod inspect;
pub mod style;
pub mod svg;
pub mod text;
pub mod timeline;
pub mod xy;

pub use bars::{Bar, BarChart};
pub use style::Kind;
pub use timeline::{Group, Lane, Span, Tick, Timeline};
pub use xy::{Axis, Series, XScale, XyChart};

#[cfg(test)]
mod tests;
