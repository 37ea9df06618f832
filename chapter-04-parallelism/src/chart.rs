//! The article's bar chart, as an SVG file: time against N, one bar per pool
//! kind, each bar labelled with its value, a dashed line for the ideal time.
//!
//! plotters draws the chart. Its SVG backend cannot attach hover text, so the
//! chart gets a second, invisible layer afterwards: one transparent rectangle
//! over each bar, carrying a `<title>` that browsers show on hover.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::observe::rows::Row;
use crate::sweep::PoolKind;

const SIZE: (u32, u32) = (860, 500);

fn colour(kind: PoolKind) -> RGBColor {
    match kind {
        PoolKind::Threads => RGBColor(0x2b, 0x6c, 0xb0),
        PoolKind::Processes => RGBColor(0xdd, 0x84, 0x2c),
    }
}

/// A rectangle in pixels, and the hover text that goes over it.
struct Hover {
    top_left: (i32, i32),
    bottom_right: (i32, i32),
    title: String,
}

// ANCHOR: chart
/// Draws the chart of `rows` and writes it to `path`.
pub fn write_svg(
    path: &Path,
    rows: &[Row],
    calls: usize,
    cores: usize,
    provenance: &str,
) -> Result<(), String> {
    let mut sizes: Vec<usize> = rows.iter().map(|r| r.workers).collect();
    sizes.sort_unstable();
    sizes.dedup();
    let mut kinds: Vec<PoolKind> = rows.iter().map(|r| r.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let top =
        rows.iter().map(|r| r.wall.max(r.ideal).as_secs_f64()).fold(0.0, f64::max) * 1.4; // room for labels and the legend
    let group = |n: usize| sizes.iter().position(|&s| s == n).unwrap_or(0) as f64;
    let bar_width = 0.8 / kinds.len().max(1) as f64;
    let bar_x = |row: &Row| {
        let left = group(row.workers)
            + 0.1
            + bar_width * kinds.iter().position(|&k| k == row.kind).unwrap_or(0) as f64;
        (left, left + bar_width)
    };

    let mut svg = String::new();
    let mut hovers = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("{calls} calls on a pool of N workers ({cores} cores)"),
                ("sans-serif", 22),
            )
            .margin(20)
            .x_label_area_size(50)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..sizes.len() as f64, 0.0..top.max(1e-3))
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(8)
            .light_line_style(TRANSPARENT)
            .y_desc("wall time (s)")
            .y_label_formatter(&|y| format!("{y:.2}"))
            .draw()
            .map_err(|e| e.to_string())?;

        for &kind in &kinds {
            let bars = rows.iter().filter(|r| r.kind == kind).map(|row| {
                let (left, right) = bar_x(row);
                Rectangle::new(
                    [(left, 0.0), (right, row.wall.as_secs_f64())],
                    colour(kind).filled(),
                )
            });
            chart
                .draw_series(bars)
                .map_err(|e| e.to_string())?
                .label(kind.name())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour(kind).filled())
                });
        }
        // The value on each bar, and its hover area.
        let label_style = ("sans-serif", 13)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        for row in rows {
            let (left, right) = bar_x(row);
            let seconds = row.wall.as_secs_f64();
            let label = EmptyElement::at(((left + right) / 2.0, seconds))
                + Text::new(format!("{seconds:.2} s"), (0, -4), label_style.clone());
            chart.plotting_area().draw(&label).map_err(|e| e.to_string())?;
            hovers.push(Hover {
                top_left: chart.backend_coord(&(left, seconds)),
                bottom_right: chart.backend_coord(&(right, 0.0)),
                title: format!(
                    "{}, N = {}: {:.3} s, {:.2}× faster than N = 1, efficiency {:.0} %",
                    row.kind.name(),
                    row.workers,
                    seconds,
                    row.speedup,
                    row.efficiency * 100.0
                ),
            });
        }
        // The ideal time of the first kind, one dashed step per group.
        let ideal_rows: Vec<&Row> =
            rows.iter().filter(|r| Some(&r.kind) == kinds.first()).collect();
        for (index, row) in ideal_rows.iter().enumerate() {
            let x = group(row.workers);
            let y = row.ideal.as_secs_f64();
            let step = DashedLineSeries::new(
                vec![(x + 0.05, y), (x + 0.95, y)],
                6,
                4,
                BLACK.stroke_width(2),
            );
            let drawn = chart.draw_series(step).map_err(|e| e.to_string())?;
            if index == 0 {
                drawn.label("ideal (from N = 1, rounds and cores)").legend(|(x, y)| {
                    PathElement::new(vec![(x, y), (x + 14, y)], BLACK.stroke_width(2))
                });
            }
        }
        // Group labels under the axis.
        let axis_style = ("sans-serif", 15)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top));
        for &n in &sizes {
            let (x, y) = chart.backend_coord(&(group(n) + 0.5, 0.0));
            root.draw(&Text::new(format!("N = {n}"), (x, y + 8), axis_style.clone()))
                .map_err(|e| e.to_string())?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .draw()
            .map_err(|e| e.to_string())?;
        let (_, height) = SIZE;
        root.draw(&Text::new(
            provenance.to_string(),
            (20, height as i32 - 18),
            ("sans-serif", 12).into_font().color(&BLACK),
        ))
        .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    std::fs::write(path, with_hover(&svg, &hovers))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
// ANCHOR_END: chart

/// Adds a transparent rectangle with a `<title>` over each bar.
fn with_hover(svg: &str, hovers: &[Hover]) -> String {
    let mut layer = String::from("<g class=\"hover\">\n");
    for hover in hovers {
        let (x0, y0) = hover.top_left;
        let (x1, y1) = hover.bottom_right;
        layer.push_str(&format!(
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" fill=\"transparent\"><title>{}</title></rect>\n",
            (x1 - x0).max(1),
            (y1 - y0).max(1),
            escape(&hover.title)
        ));
    }
    layer.push_str("</g>\n</svg>");
    match svg.rfind("</svg>") {
        Some(end) => format!("{}{layer}{}", &svg[..end], &svg[end + "</svg>".len()..]),
        None => svg.to_string(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
