//! The run's pictures, as SVG files drawn with `shared::draw`: time and
//! speedup against N beside the ideal, the lanes of one thread pool run,
//! and the algorithms' wall time as bars.

use std::time::Duration;

use shared::draw::{
    Axis, Bar, BarChart, Group, Lane, Series, Span, Timeline, XScale, XyChart,
};

use crate::algorithm;
use crate::observe::rows::Row;
use crate::place::Place;
use crate::sweep::Run;

/// Each picture's file name in the `--pictures` folder.
pub const TIME: &str = "chapter-04-parallelism-time.svg";
/// The speedup chart's file name.
pub const SPEEDUP: &str = "chapter-04-parallelism-speedup.svg";
/// The lanes of one pool run.
pub const LANES: &str = "chapter-04-parallelism-lanes.svg";
/// The algorithms' wall time, as bars.
pub const ALGORITHMS: &str = "chapter-04-parallelism-algorithms.svg";

/// One series per place: `value` of each of its rows against N.
fn per_place(rows: &[Row], value: impl Fn(&Row) -> f64) -> Vec<Series> {
    [Place::Threads, Place::Processes, Place::Loop]
        .into_iter()
        .filter(|&place| rows.iter().any(|r| r.place == place))
        .map(|place| {
            let points = rows.iter().filter(|r| r.place == place);
            Series::new(
                place.name(),
                points.map(|r| (r.workers as f64, value(r))).collect(),
            )
        })
        .collect()
}

/// Wall time against N, with the threads' ideal time (rounds × one call).
pub fn time_chart(rows: &[Row]) -> XyChart {
    let x = Axis::new("pool size N", "", 0);
    let title = "Wall time of the calls against the pool size";
    let mut chart =
        XyChart::new(title, x, Axis::new("wall time", "s", 3)).x_scale(XScale::Log2);
    chart.series = per_place(rows, |r| r.measurement.wall.as_secs_f64());
    let first = rows.first().map(|r| r.place);
    let ideal = rows.iter().filter(|r| Some(r.place) == first);
    let ideal = ideal.map(|r| (r.workers as f64, r.ideal.as_secs_f64())).collect();
    chart.series(Series::reference("ideal", ideal))
}

/// Speedup against N, with the ideal `min(N, cores)`.
pub fn speedup_chart(rows: &[Row], cores: usize) -> XyChart {
    let x = Axis::new("pool size N", "", 0);
    let title = "Speedup over N = 1 against the pool size";
    let mut chart =
        XyChart::new(title, x, Axis::new("speedup", "×", 2)).x_scale(XScale::Log2);
    chart.series = per_place(rows, |r| r.speedup);
    // Every size once, in order: the rows hold each size once per place.
    let mut sizes: Vec<usize> = rows.iter().map(|r| r.workers).collect();
    sizes.sort_unstable();
    sizes.dedup();
    let ideal = sizes.iter().map(|&n| (n as f64, n.min(cores) as f64)).collect();
    chart.series(Series::reference(format!("ideal min(N, {cores})"), ideal))
}

/// One lane per pool thread of `run`: each call a span from the end of the
/// thread's previous call (a free thread takes the next call at once).
pub fn lanes(run: &Run) -> Timeline {
    let mut lanes: Vec<Lane> =
        (0..run.workers).map(|t| Lane::new(format!("thread {}", t + 1))).collect();
    for (call, &(thread, end)) in run.ends.iter().enumerate() {
        if let Some(lane) = lanes.get_mut(thread) {
            let start = lane.spans.last().map_or(Duration::ZERO, |previous| previous.end);
            lane.spans.push(Span::new(start, end, format!("call {}", call + 1)));
        }
    }
    let title = format!("{} calls on {} pool threads", run.ends.len(), run.workers);
    Timeline::new(title)
        .group(Group::new("each thread's calls, in the order they ended", lanes))
        .note("A span starts when the thread's previous call ended.")
}

/// One bar per way: the wall time of all its calls (the table's `all
/// calls`), with its speedup over the loop on 1 core written after it.
pub fn algorithms(rows: &[algorithm::WayRun], cores: usize) -> BarChart {
    let calls = rows.first().map_or(0, |row| row.fingerprints.len());
    let title = format!("{calls} calls four ways: the loop and the product tree");
    let axis = Axis::new("wall time of all the calls", "s", 3);
    let bars = rows.iter().map(|row| {
        let wall = row.measurement.wall.as_secs_f64();
        let speedup = format!("{:.2}×", algorithm::speedup(rows, row));
        Bar::new(row.way.label(cores), wall).note(speedup)
    });
    let chart = bars.fold(BarChart::new(title, axis), BarChart::bar);
    chart.note("Shorter is faster; after each bar, its speedup over the loop on 1 core.")
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use shared::draw::inspect;
    use shared::measure::{CpuTime, Measurement};

    use super::*;
    use crate::observe::rows::Row;

    /// A sweep's row: `place` at N = `workers`, `speedup` times N = 1.
    fn row(place: Place, workers: usize, speedup: f64) -> Row {
        let wall = Duration::from_secs_f64(2.0 / speedup);
        Row {
            place,
            workers,
            rounds: crate::ideal::rounds(20, workers),
            measurement: Measurement { wall, cpu: CpuTime::default(), cores: 2 },
            ideal: wall,
            speedup,
            efficiency: speedup / workers.min(2) as f64,
            startup: None,
        }
    }

    /// The ideal is one line through each size once, left to right, however
    /// many places share a size; the measured points are the rows.
    #[test]
    fn the_speedup_chart_draws_the_ideal_once() {
        let sizes = [1, 2, 4, 8, 20];
        let speedups = [1.0, 1.9, 1.95, 1.97, 1.96];
        let mut rows = Vec::new();
        for place in [Place::Threads, Place::Processes] {
            rows.extend(sizes.iter().zip(speedups).map(|(&n, s)| row(place, n, s)));
        }
        let svg = speedup_chart(&rows, 2).render();
        let lines = inspect::of_class(&svg, "line");
        let ideal_lines =
            lines.iter().filter(|l| l.get("series") == Some("ideal min(N, 2)"));
        assert_eq!(ideal_lines.count(), 1, "one ideal line");
        let points = inspect::of_class(&svg, "point");
        let ideal: Vec<(f64, f64)> = points
            .iter()
            .filter(|p| p.get("series") == Some("ideal min(N, 2)"))
            .map(|p| (p.num("x"), p.num("y")))
            .collect();
        assert_eq!(ideal, [(1.0, 1.0), (2.0, 2.0), (4.0, 2.0), (8.0, 2.0), (20.0, 2.0)]);
        for place in [Place::Threads, Place::Processes] {
            let drawn: Vec<(f64, f64)> = points
                .iter()
                .filter(|p| p.get("series") == Some(place.name()))
                .map(|p| (p.num("x"), p.num("y")))
                .collect();
            let expected: Vec<(f64, f64)> = rows
                .iter()
                .filter(|r| r.place == place)
                .map(|r| (r.workers as f64, r.speedup))
                .collect();
            assert_eq!(drawn, expected, "{place:?}");
        }
    }
}
