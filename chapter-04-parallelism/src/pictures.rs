//! The run's pictures, as SVG files drawn with `shared::draw`: time and
//! speedup against N beside the ideal, the lanes of one thread pool run,
//! and the time per call of the algorithms.

use std::path::Path;
use std::time::Duration;

use shared::draw::{Axis, Group, Lane, Series, Span, Timeline, XScale, XyChart};
use shared::exit::Error;

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
/// The algorithms' time per call.
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
    let mut sizes: Vec<usize> = rows.iter().map(|r| r.workers).collect();
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

/// One lane per way, one span as long as its mean time per call.
pub fn algorithms(rows: &[algorithm::Row], cores: usize) -> Timeline {
    let lanes = rows.iter().map(|row| {
        let mut lane = Lane::new(row.way.label(cores));
        lane.spans.push(Span::new(Duration::ZERO, row.per_call(), "one call"));
        lane
    });
    Timeline::new("Time per call: the loop and the product tree")
        .group(Group::new("each way's mean time per call", lanes.collect()))
        .with_table()
}

/// Writes `svg` as `name` in `folder` (which `--pictures` checked before
/// the run: a failure now is a failed run).
pub fn write(folder: &Path, name: &str, svg: String) -> Result<(), Error> {
    let path = folder.join(name);
    std::fs::write(&path, svg)
        .map_err(|err| Error::Failed(shared::cli::cannot_write(&path, err)))
}
