//! Pictures of a run, as SVG text: lanes on a time axis, and line charts.
//!
//! The chapters draw what they just measured: [`Timeline`] for what ran where
//! and when (lanes of spans, ticks with their lateness, marks, arrows), and
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
//! Every picture is 750 units wide (`viewBox="0 0 750 h"`), shown at
//! `width="100%"` and at most 750 px wide: mdBook's text column is 750 px
//! (its `--content-max-width`), so one unit is one pixel in the book. Text
//! is 13 units or more (tick labels, labels on bars and ticks, tables 13;
//! lane names, legend and totals 14; titles 16): 13 px in the book, and
//! 12 px or more in any column at least 693 px wide. Include the file inline
//! in the page, not through `<img>` (browsers show hover text only for
//! inline SVG), inside a box that scrolls sideways and keeps the picture at
//! least 640 px wide, so that a phone shows 11 px text and a scroll bar
//! rather than 7 px text:
//!
//! ```html
//! <div style="overflow-x:auto"><div style="min-width:640px">
//!
//! {{#include pictures/chapter-03-timeline.svg}}
//!
//! </div></div>
//! ```
//!
//! The SVG has no blank line (Markdown would end the HTML block there), no
//! `id` and no `<style>` (several pictures can share a page), and its own
//! white background (it stays readable under the book's dark themes). What
//! must be read is also written as text: lane totals beside the lanes,
//! lateness above the ticks, a table of every plotted value under a chart.

//! # Testing what is drawn
//!
//! Each drawn thing carries a `class` and its numbers: `span` (`data-group`,
//! `data-lane`, `data-kind`, `data-start-ms`, `data-end-ms`), `thin-spans`
//! (spans under one unit wide, one path per lane and kind: `data-count`,
//! `data-total-ms`), `lane` (`data-busy-ms`), `tick` (`data-due-ms`,
//! `data-ran-ms`, `data-lateness-ms`, `data-late`), `on-time-ticks` (in a
//! lane of more than 100 ticks, its on-time ones as one path: `data-count`,
//! `data-max-lateness-ms`), `mark` (`data-at-ms`), `arrow` (`data-from-ms`,
//! `data-to-ms`), `row` of the optional table (`data-count`,
//! `data-busy-ms`), `point` and `value` (`data-series`, `data-x`, `data-y`),
//! `axis-tick` (`data-value`), `group` (`data-lanes`).
//! [`inspect`] reads them back.
//!
//! # Layout
//!
//! - [`timeline`]: lanes of spans, ticks, marks and arrows on one time axis.
//! - [`xy`]: lines of points against a numeric x axis, with a table of values.
//! - [`axis`]: round tick values and their labels.
//! - [`style`]: colours (told apart by lightness too) and sizes.
//! - [`svg`]: the writer: escaping, numbers, elements.
//! - [`inspect`]: the drawn elements read back from the SVG text, for tests.

pub mod axis;
pub mod inspect;
pub mod style;
pub mod svg;
pub mod timeline;
pub mod xy;

pub use style::Kind;
pub use timeline::{Arrow, Group, Lane, Mark, Span, Tick, Timeline};
pub use xy::{Axis, Series, XScale, XyChart};

#[cfg(test)]
mod tests;
