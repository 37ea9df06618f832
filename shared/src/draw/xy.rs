//! A line chart of numbers against numbers: time against N, speedup against N.
//!
//! Each [`Series`] is drawn as a line through its points, with a marker on
//! each point carrying its numbers (`class="point"`, `data-x`, `data-y`,
//! hover text). A reference series (the ideal, `min(N, cores)`) is a dashed
//! gray line. Under the chart, a small table repeats every value, so nothing
//! needs hovering to be read.

use std::fmt::Write as _;

use super::axis::{self, Ticks};
use super::style::{self, FONT, HEADING, SMALL, WIDTH};
use super::svg::{Tag, coord, document, plain, text_width};
use super::text;

/// How the x axis places its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum XScale {
    /// Evenly, from 0.
    #[default]
    Linear,
    /// By their logarithm: 1, 2, 4, 8 ... equally far apart; the ticks are
    /// the x values of the points.
    Log2,
}

/// One axis: its name and the unit of its values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Axis {
    /// What it measures (`calls in flight N`, `wall time`).
    pub name: String,
    /// The unit written after values (`s`, `×`), or empty.
    pub unit: String,
    /// Decimals of the values in hover text and in the table.
    pub decimals: usize,
}

impl Axis {
    /// An axis called `name`, values in `unit` with `decimals` decimals.
    pub fn new(
        name: impl Into<String>,
        unit: impl Into<String>,
        decimals: usize,
    ) -> Self {
        Axis { name: name.into(), unit: unit.into(), decimals }
    }

    /// `name (unit)`, or the name alone.
    fn title(&self) -> String {
        if self.unit.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.unit)
        }
    }

    /// A value as the table and the hover text write it: `1.234 s`, `4`.
    pub fn value(&self, v: f64) -> String {
        let number = format!("{v:.*}", self.decimals);
        match self.unit.as_str() {
            "" => number,
            "×" => format!("{number}×"),
            unit => format!("{number} {unit}"),
        }
    }
}

/// One line of points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// Its name in the legend and the table (`threads`, `processes`).
    pub name: String,
    /// Its points `(x, y)`, drawn in this order.
    pub points: Vec<(f64, f64)>,
    /// A reference line (the ideal): dashed, gray, small hollow markers.
    pub reference: bool,
}

impl Series {
    /// A measured series.
    pub fn new(name: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        Series { name: name.into(), points, reference: false }
    }

    /// A reference series (the ideal), drawn dashed.
    pub fn reference(name: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        Series { name: name.into(), points, reference: true }
    }
}

/// A whole chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct XyChart {
    /// The chart's title.
    pub title: String,
    /// The x axis.
    pub x: Axis,
    /// The y axis (always from 0).
    pub y: Axis,
    /// How x values are placed.
    pub x_scale: XScale,
    /// The lines, in legend order.
    pub series: Vec<Series>,
    /// Lines of small print under the table.
    pub notes: Vec<String>,
}

const LEFT: f64 = 90.0;
const RIGHT: f64 = WIDTH - 24.0;
const PLOT_HEIGHT: f64 = 300.0;

/// How each measured series looks: colour, dashes, marker. They differ in
/// lightness and in marker shape, so they survive grayscale.
const LOOKS: [(&str, &str, Marker); 3] = [
    ("#1f4e79", "none", Marker::Circle),
    ("#d0782a", "none", Marker::Square),
    ("#5b9bd5", "none", Marker::Triangle),
];
const REFERENCE: (&str, &str, Marker) = ("#777777", "6 4", Marker::Ring);

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Ring,
}

impl XyChart {
    /// An empty chart called `title`, with axes `x` and `y`.
    pub fn new(title: impl Into<String>, x: Axis, y: Axis) -> Self {
        XyChart { title: title.into(), x, y, ..XyChart::default() }
    }

    /// The same chart with the x axis placed by `scale`.
    pub fn x_scale(mut self, scale: XScale) -> Self {
        self.x_scale = scale;
        self
    }

    /// Adds a series.
    pub fn series(mut self, series: Series) -> Self {
        self.series.push(series);
        self
    }

    /// Adds a line of small print.
    pub fn note(mut self, line: impl Into<String>) -> Self {
        self.notes.push(line.into());
        self
    }

    /// The SVG text of the chart.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut y = 8.0 + HEADING;
        text::title(&self.title, y, &mut out);
        y = self.legend(&mut out, y + 12.0);
        // The y axis's name, upright, above the axis.
        Tag::new("text")
            .attr("class", "axis-name")
            .at("x", 8.0)
            .at("y", y + FONT)
            .attr("font-size", FONT)
            .attr("fill", style::TEXT)
            .text(&format!("↑ {}", self.y.title()), &mut out);
        let top = y + FONT + 14.0;
        let bottom = top + PLOT_HEIGHT;
        let frame = Frame::new(self, top, bottom);
        self.axes(&mut out, &frame);
        // Reference lines first, so that measured lines are drawn over them.
        let (references, measured): (Vec<_>, Vec<_>) =
            self.series.iter().enumerate().partition(|(_, s)| s.reference);
        for (index, series) in references.into_iter().chain(measured) {
            self.line(&mut out, &frame, series, index);
        }
        let mut y = bottom + 5.0 + SMALL + 6.0 + FONT + 2.0;
        Tag::new("text")
            .attr("class", "axis-name")
            .at("x", (LEFT + RIGHT) / 2.0)
            .at("y", y)
            .attr("font-size", FONT)
            .attr("text-anchor", "middle")
            .attr("fill", style::TEXT)
            .text(&format!("{} →", self.x.title()), &mut out);
        y = self.table(&mut out, y + 12.0);
        y = text::notes(&self.notes, y, &mut out);
        document(WIDTH, y + 10.0, &self.title, &out)
    }

    fn look(&self, index: usize) -> (&'static str, &'static str, Marker) {
        if self.series[index].reference {
            return REFERENCE;
        }
        let measured = self.series[..index].iter().filter(|s| !s.reference).count();
        LOOKS[measured % LOOKS.len()]
    }

    fn legend(&self, out: &mut String, top: f64) -> f64 {
        let mut x = LEFT;
        let mut y = top;
        for (index, series) in self.series.iter().enumerate() {
            let width = 36.0 + text_width(&series.name, FONT) + 20.0;
            if x + width > WIDTH - 8.0 && x > LEFT {
                x = LEFT;
                y += 22.0;
            }
            let (colour, dash, marker) = self.look(index);
            Tag::new("path")
                .attr("d", format!("M{} {}h28", coord(x), coord(y + 8.0)))
                .attr("stroke", colour)
                .attr("stroke-width", 2.5)
                .attr("stroke-dasharray", dash)
                .close(out);
            draw_marker(out, marker, colour, x + 14.0, y + 8.0, None);
            Tag::new("text")
                .at("x", x + 36.0)
                .at("y", y + 13.0)
                .attr("font-size", FONT)
                .attr("fill", style::TEXT)
                .text(&series.name, out);
            x += width;
        }
        y + 22.0 + 6.0
    }

    fn axes(&self, out: &mut String, frame: &Frame) {
        for &value in &frame.y_ticks.values {
            let y = frame.y(value);
            Tag::new("path")
                .attr("d", format!("M{} {}H{}", coord(LEFT), coord(y), coord(RIGHT)))
                .attr("stroke", style::GRID)
                .close(out);
            Tag::new("text")
                .attr("class", "axis-tick")
                .attr("data-value", plain(value))
                .at("x", LEFT - 8.0)
                .at("y", y + SMALL * 0.35)
                .attr("font-size", SMALL)
                .attr("text-anchor", "end")
                .attr("fill", style::TEXT)
                .text(&axis::number_label(value, frame.y_ticks.step), out);
        }
        for &(value, ref label) in &frame.x_ticks {
            axis::x_tick(out, frame.x(value), frame.bottom, value, label);
        }
        Tag::new("path")
            .attr(
                "d",
                format!(
                    "M{} {}V{}H{}",
                    coord(LEFT),
                    coord(frame.top),
                    coord(frame.bottom),
                    coord(RIGHT)
                ),
            )
            .attr("stroke", style::MUTED)
            .attr("fill", "none")
            .close(out);
    }

    fn line(&self, out: &mut String, frame: &Frame, series: &Series, index: usize) {
        let (colour, dash, marker) = self.look(index);
        let mut d = String::new();
        for (i, &(x, y)) in series.points.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if i == 0 { "M" } else { "L" },
                coord(frame.x(x)),
                coord(frame.y(y))
            );
        }
        if series.points.len() > 1 {
            Tag::new("path")
                .attr("class", "line")
                .attr("data-series", &series.name)
                .attr("d", d)
                .attr("stroke", colour)
                .attr("stroke-width", 2.5)
                .attr("stroke-dasharray", dash)
                .attr("fill", "none")
                .close(out);
        }
        for &(x, y) in &series.points {
            let title = format!(
                "{}: {} = {}, {} = {}",
                series.name,
                self.x.name,
                self.x.value(x),
                self.y.name,
                self.y.value(y)
            );
            let data =
                [("data-series", series.name.clone()), ("x", plain(x)), ("y", plain(y))];
            draw_marker(
                out,
                marker,
                colour,
                frame.x(x),
                frame.y(y),
                Some((&data, &title)),
            );
        }
    }

    /// Every value in a table under the chart: a row per series, a column per
    /// x value; split into several tables when the columns do not fit.
    fn table(&self, out: &mut String, top: f64) -> f64 {
        let mut xs: Vec<f64> =
            self.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup();
        if xs.is_empty() {
            return top;
        }
        let widest = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| text_width(&self.y.value(p.1), SMALL)))
            .chain(xs.iter().map(|&x| text_width(&self.x.value(x), SMALL)))
            .fold(0.0, f64::max);
        let column = (widest + 16.0).max(56.0);
        // Row names end where the widest one fits, at least at the plot's left.
        let names =
            self.series.iter().map(|s| s.name.as_str()).chain([self.x.name.as_str()]);
        let left = names.map(|n| 8.0 + text_width(n, SMALL) + 8.0).fold(LEFT, f64::max);
        let per_table = (((WIDTH - 8.0 - left) / column).floor() as usize).max(1);
        let row = FONT + 6.0;
        let mut y = top;
        let at = (left, column);
        for chunk in xs.chunks(per_table) {
            y += row;
            let header = |x: f64| Some(self.x.value(x));
            self.table_row(out, y, &self.x.name, chunk, at, header, true);
            for series in &self.series {
                y += row;
                let value = |x: f64| {
                    series.points.iter().find(|p| p.0 == x).map(|p| self.y.value(p.1))
                };
                self.table_row(out, y, &series.name, chunk, at, value, false);
            }
            y += 8.0;
        }
        y
    }

    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &self,
        out: &mut String,
        y: f64,
        name: &str,
        xs: &[f64],
        (left, column): (f64, f64),
        value: impl Fn(f64) -> Option<String>,
        header: bool,
    ) {
        let weight = if header { "bold" } else { "normal" };
        Tag::new("text")
            .at("x", left - 8.0)
            .at("y", y)
            .attr("font-size", SMALL)
            .attr("text-anchor", "end")
            .attr("font-weight", weight)
            .attr("fill", style::TEXT)
            .text(name, out);
        for (i, &x) in xs.iter().enumerate() {
            let text = value(x).unwrap_or_else(|| "–".to_string());
            let tag = Tag::new("text");
            let tag = if header {
                tag
            } else {
                tag.attr("class", "value")
                    .attr("data-series", name)
                    .attr("data-x", plain(x))
            };
            tag.at("x", left + column * (i as f64 + 1.0) - 8.0)
                .at("y", y)
                .attr("font-size", SMALL)
                .attr("text-anchor", "end")
                .attr("font-weight", weight)
                .attr("fill", style::TEXT)
                .text(&text, out);
        }
    }
}

/// Where values go in the plot.
struct Frame {
    top: f64,
    bottom: f64,
    x_min: f64,
    x_max: f64,
    log: bool,
    x_ticks: Vec<(f64, String)>,
    y_ticks: Ticks,
}

impl Frame {
    fn new(chart: &XyChart, top: f64, bottom: f64) -> Self {
        let points = || chart.series.iter().flat_map(|s| s.points.iter().copied());
        let y_max = points().map(|p| p.1).fold(0.0, f64::max);
        let y_ticks = axis::round_ticks(y_max * 1.04, 6);
        let log = chart.x_scale == XScale::Log2;
        let (x_min, x_max, x_ticks) = if log {
            let mut xs: Vec<f64> = points().map(|p| p.0).filter(|&x| x > 0.0).collect();
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let lo = xs.first().copied().unwrap_or(1.0).log2();
            let hi = xs.last().copied().unwrap_or(2.0).log2().max(lo + 1.0);
            let pad = (hi - lo) * 0.04;
            let ticks = xs.iter().map(|&x| (x, plain(x))).collect();
            (lo - pad, hi + pad, ticks)
        } else {
            let t = axis::round_ticks(points().map(|p| p.0).fold(0.0, f64::max), 6);
            let ticks =
                t.values.iter().map(|&v| (v, axis::number_label(v, t.step))).collect();
            (0.0, t.end(), ticks)
        };
        Frame { top, bottom, x_min, x_max, log, x_ticks, y_ticks }
    }

    fn x(&self, value: f64) -> f64 {
        let v = if self.log { value.max(f64::MIN_POSITIVE).log2() } else { value };
        LEFT + 8.0 + (v - self.x_min) / (self.x_max - self.x_min) * (RIGHT - LEFT - 16.0)
    }

    fn y(&self, value: f64) -> f64 {
        self.bottom - value / self.y_ticks.end() * (self.bottom - self.top)
    }
}

/// A marker at (x, y); with `point`, it is a point of the data, carrying its
/// `data-*` attributes and hover text.
fn draw_marker(
    out: &mut String,
    marker: Marker,
    colour: &str,
    x: f64,
    y: f64,
    point: Option<(&[(&str, String); 3], &str)>,
) {
    let tag = match marker {
        Marker::Circle | Marker::Ring => Tag::new("circle")
            .at("cx", x)
            .at("cy", y)
            .at("r", if matches!(marker, Marker::Ring) { 4.0 } else { 5.5 }),
        Marker::Square => Tag::new("rect")
            .at("x", x - 5.0)
            .at("y", y - 5.0)
            .at("width", 10.0)
            .at("height", 10.0),
        Marker::Triangle => Tag::new("path")
            .attr("d", format!("M{} {}l6 10h-12z", coord(x), coord(y - 6.0))),
    };
    let tag = if matches!(marker, Marker::Ring) {
        tag.attr("fill", "#ffffff").attr("stroke", colour).attr("stroke-width", 2)
    } else {
        tag.attr("fill", colour)
    };
    match point {
        Some((data, title)) => {
            let tag = tag
                .attr("class", "point")
                .attr(data[0].0, &data[0].1)
                .attr("data-x", &data[1].1)
                .attr("data-y", &data[2].1);
            tag.titled(title, out)
        }
        None => tag.close(out),
    }
}
