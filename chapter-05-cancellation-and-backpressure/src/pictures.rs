//! The pictures (SVG): each job's steps around its deadline, and memory
//! over time through the two channels.

use std::path::Path;
use std::time::Duration;

use shared::draw::style::Kind;
use shared::draw::timeline::{Group, Lane, Mark, Span, Timeline};
use shared::draw::xy::{Axis, Series, XyChart};
use shared::exit::Error;

use crate::observe::cancelled::{CancelRun, Cancelled};
use crate::observe::flowed::Flowed;

/// Lanes of the ways: each step as a bar from the job's start, the part
/// after the deadline in its own colour, the deadline as a mark.
pub fn deadlines(run: &CancelRun) -> Timeline {
    let lanes = run.ways.iter().map(lane).collect();
    Timeline::new(format!(
        "{}-step jobs given {} (1.5 steps): what ran after the deadline",
        run.steps,
        shared::format::duration(run.deadline)
    ))
    .name_kind(Kind::Cpu, "step before the deadline")
    .name_kind(Kind::Held, "CPU after the deadline")
    .name_marks("the deadline, and when the caller gave up")
    .group(Group::new("each job, from its start", lanes))
}

fn lane(way: &Cancelled) -> Lane {
    let after = &way.after;
    let since = |t: std::time::Instant| t.saturating_duration_since(after.start);
    let deadline = since(after.deadline);
    let mut lane = Lane::new(way.way.name());
    for (n, span) in way.spans.iter().enumerate() {
        let (start, end) = (since(span.start), since(span.end.unwrap_or(after.over)));
        let label = format!("step {}", n + 1);
        if start < deadline {
            lane.spans.push(Span::new(start, end.min(deadline), label.clone()));
        }
        if end > deadline {
            let cut = if span.end.is_none() { " (killed)" } else { "" };
            let late = Span::new(start.max(deadline), end, format!("{label}{cut}"));
            lane.spans.push(late.kind(Kind::Held));
        }
    }
    let mark = |at, label: &str| Mark { at, label: label.into(), hover: String::new() };
    lane.marks.push(mark(deadline, "deadline"));
    lane.marks.push(mark(since(after.gave_up), "gave up"));
    lane
}

/// Resident memory above the start, over time, for each channel.
pub fn memory(channels: &[Flowed]) -> XyChart {
    let mut chart = XyChart::new(
        "Memory while a fast producer feeds a slow consumer",
        Axis::new("time since the start", "s", 2),
        Axis::new("resident memory above the start", "MiB", 1),
    );
    for flow in channels {
        let name = match flow.bound {
            Some(bound) => format!("bounded {bound}"),
            None => "unbounded".to_string(),
        };
        chart = chart.series(Series::new(name, points(flow)));
    }
    chart.note("Sampled every 10 ms; about 20 samples of each run are drawn.")
}

/// About 20 of the samples, evenly spread, the first and the last included.
fn points(flow: &Flowed) -> Vec<(f64, f64)> {
    let start = flow.rss_start();
    let every = flow.samples.len().div_ceil(20).max(1);
    let last = flow.samples.len().saturating_sub(1);
    flow.samples
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i == last)
        .map(|(_, s)| {
            let mib = s.rss.saturating_sub(start) as f64 / (1024.0 * 1024.0);
            (round2(s.at), mib)
        })
        .collect()
}

fn round2(d: Duration) -> f64 {
    (d.as_secs_f64() * 100.0).round() / 100.0
}

/// Writes `svg` to `folder/name`.
pub fn write(folder: &Path, name: &str, svg: String) -> Result<(), Error> {
    let path = folder.join(name);
    std::fs::write(&path, svg)
        .map_err(|err| Error::Failed(shared::cli::cannot_write(&path, err)))
}
