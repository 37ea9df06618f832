//! A horizontal bar chart: one bar per thing measured, its length the value.
//!
//! For numbers that are not on a time line: the wall time of each way of
//! doing the same work, say. Each bar carries its numbers (`class="bar"`,
//! `data-label`, `data-value`, hover text), and its value is written after
//! its end (`class="bar-value"`), so nothing needs hovering to be read.

use super::axis;
use super::style::{self, FONT, HEADING, SMALL, WIDTH};
use super::svg::{Tag, coord, document, plain, text_width};
use super::text;
use super::xy::Axis;

/// One bar: what it measures, its value, and a note written after the value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bar {
    /// Its name, left of the bar (`loop, 1 core`).
    pub label: String,
    /// Its length, in the axis's unit.
    pub value: f64,
    /// Written after the value (`1.00× the first`), or empty.
    pub note: String,
}

impl Bar {
    /// A bar called `label` of length `value`.
    pub fn new(label: impl Into<String>, value: f64) -> Self {
        Bar { label: label.into(), value, note: String::new() }
    }

    /// The same bar with `note` written after its value.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }
}

/// A whole chart: bars from 0 along one axis, first at the top.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChart {
    /// The chart's title.
    pub title: String,
    /// What the bars' length measures, and its unit.
    pub axis: Axis,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// Lines of small print under the axis.
    pub notes: Vec<String>,
}

const BAR: f64 = 24.0;
const GAP: f64 = 12.0;
const RIGHT: f64 = WIDTH - 16.0;

impl BarChart {
    /// An empty chart called `title`, its bars measured along `axis`.
    pub fn new(title: impl Into<String>, axis: Axis) -> Self {
        BarChart { title: title.into(), axis, ..BarChart::default() }
    }

    /// Adds a bar.
    pub fn bar(mut self, bar: Bar) -> Self {
        self.bars.push(bar);
        self
    }

    /// Adds a line of small print.
    pub fn note(mut self, line: impl Into<String>) -> Self {
        self.notes.push(line.into());
        self
    }

    /// A value with its unit and its bar's note: `4.02 s · 1.00×`.
    fn value_text(&self, bar: &Bar) -> String {
        match bar.note.as_str() {
            "" => self.axis.value(bar.value),
            note => format!("{} · {note}", self.axis.value(bar.value)),
        }
    }

    /// The SVG text of the chart.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut y = 8.0 + HEADING;
        text::title(&self.title, y, &mut out);
        let widest_label = self.bars.iter().map(|b| text_width(&b.label, FONT));
        let left = 8.0 + widest_label.fold(0.0, f64::max) + 10.0;
        let widest_value =
            self.bars.iter().map(|b| text_width(&self.value_text(b), SMALL));
        // Room after the longest bar for its value.
        let end = RIGHT - widest_value.fold(0.0, f64::max) - 8.0;
        let max = self.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        let ticks = axis::round_ticks(max, 6);
        let x = |value: f64| left + value / ticks.end() * (end - left);
        let top = y + 16.0;
        let bottom = top + self.bars.len() as f64 * (BAR + GAP) - GAP / 2.0;
        // The grid first, so that the bars and their values are drawn over it.
        for &value in &ticks.values {
            let d =
                format!("M{} {}V{}", coord(x(value)), coord(top - 4.0), coord(bottom));
            Tag::new("path").attr("d", d).attr("stroke", style::GRID).close(&mut out);
            let label = axis::number_label(value, ticks.step);
            axis::x_tick(&mut out, x(value), bottom, value, &label);
        }
        y = top;
        for bar in &self.bars {
            let value = self.value_text(bar);
            Tag::new("text")
                .at("x", left - 10.0)
                .at("y", y + BAR / 2.0 + FONT * 0.35)
                .attr("font-size", FONT)
                .attr("text-anchor", "end")
                .attr("fill", style::TEXT)
                .text(&bar.label, &mut out);
            let title = format!("{}: {} = {value}", bar.label, self.axis.name);
            Tag::new("rect")
                .attr("class", "bar")
                .attr("data-label", &bar.label)
                .attr("data-value", plain(bar.value))
                .at("x", left)
                .at("y", y)
                .at("width", (x(bar.value) - left).max(1.0))
                .at("height", BAR)
                .attr("fill", style::Kind::Cpu.fill())
                .titled(&title, &mut out);
            Tag::new("text")
                .attr("class", "bar-value")
                .attr("data-label", &bar.label)
                .attr("data-value", plain(bar.value))
                .at("x", x(bar.value) + 6.0)
                .at("y", y + BAR / 2.0 + SMALL * 0.35)
                .attr("font-size", SMALL)
                .attr("fill", style::TEXT)
                .text(&value, &mut out);
            y += BAR + GAP;
        }
        let d = format!(
            "M{} {}V{}H{}",
            coord(left),
            coord(top - 4.0),
            coord(bottom),
            coord(end)
        );
        Tag::new("path")
            .attr("d", d)
            .attr("stroke", style::MUTED)
            .attr("fill", "none")
            .close(&mut out);
        y = bottom + 5.0 + SMALL + 6.0 + FONT + 2.0;
        Tag::new("text")
            .attr("class", "axis-name")
            .at("x", (left + end) / 2.0)
            .at("y", y)
            .attr("font-size", FONT)
            .attr("text-anchor", "middle")
            .attr("fill", style::TEXT)
            .text(&format!("{} →", self.axis_title()), &mut out);
        y = text::notes(&self.notes, y, &mut out);
        document(WIDTH, y + 10.0, &self.title, &out)
    }

    fn axis_title(&self) -> String {
        match self.axis.unit.as_str() {
            "" => self.axis.name.clone(),
            unit => format!("{} ({unit})", self.axis.name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::inspect::of_class;
    use super::*;

    fn chart() -> BarChart {
        BarChart::new("Three ways <demo>", Axis::new("wall time", "s", 2))
            .bar(Bar::new("loop, 1 core", 4.0).note("1.00×"))
            .bar(Bar::new("loop, 2 cores", 2.1).note("1.90×"))
            .bar(Bar::new("tree & co", 0.25))
            .note("small print")
    }

    /// Each bar carries its label and value, with hover text, in order; its
    /// value is written after it, with its note.
    #[test]
    fn bars_carry_their_numbers() {
        let svg = chart().render();
        let bars = of_class(&svg, "bar");
        let drawn: Vec<(&str, f64)> =
            bars.iter().map(|b| (b.get("label").unwrap(), b.num("value"))).collect();
        assert_eq!(
            drawn,
            [("loop, 1 core", 4.0), ("loop, 2 cores", 2.1), ("tree & co", 0.25)]
        );
        assert_eq!(
            bars[1].title.as_deref(),
            Some("loop, 2 cores: wall time = 2.10 s · 1.90×")
        );
        let values: Vec<String> = svg
            .lines()
            .filter(|l| l.contains("class=\"bar-value\""))
            .map(|l| l.split('>').nth(1).unwrap().trim_end_matches("</text").to_string())
            .collect();
        assert_eq!(values, ["4.00 s · 1.00×", "2.10 s · 1.90×", "0.25 s"]);
        assert!(svg.contains("Three ways &lt;demo&gt;"));
    }

    /// Bar lengths are proportional to the values, from one origin.
    #[test]
    fn lengths_are_proportional() {
        let svg = chart().render();
        let width = |label: &str| {
            let line = svg
                .lines()
                .find(|l| l.contains("class=\"bar\"") && l.contains(label))
                .unwrap();
            let w = line.split("width=\"").nth(1).unwrap();
            w[..w.find('"').unwrap()].parse::<f64>().unwrap()
        };
        let ratio = width("loop, 1 core") / width("loop, 2 cores");
        assert!((ratio - 4.0 / 2.1).abs() < 0.01, "{ratio}");
    }

    /// Every text is 12 px or more.
    #[test]
    fn text_is_at_least_12_px() {
        let svg = chart().render();
        for size in svg.split("font-size=\"").skip(1) {
            let size: f64 = size[..size.find('"').unwrap()].parse().unwrap();
            assert!(size >= 12.0, "font-size {size}");
        }
    }
}
