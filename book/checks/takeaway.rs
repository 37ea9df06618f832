//! The line that leads each measured table: what its numbers say, in words,
//! computed from the rows (never typed).
//!
//! Each experiment has its own sentence, built from its rows' verdicts,
//! speedups and times; an experiment this module does not know, or whose
//! rows lack what the sentence needs, gets no line. The comparison's
//! tables (two languages) are led by the comparison's own words
//! ([`crate::summary`]), as `compare` prints them.

use std::collections::BTreeSet;

use shared::format::{self, duration_ms, duration_s};
use shared::record::Record;

use crate::{pairs, summary};

/// The takeaway for one experiment's rows, without the leading marker.
pub fn line(experiment: &str, rows: &[&Record]) -> Option<String> {
    let languages: BTreeSet<&str> = rows.iter().map(|r| r.language.as_str()).collect();
    match experiment {
        _ if rows.is_empty() => None,
        "cancel_timeout" | "cancel_blocking" | "cancel_token" | "cancel_process" => {
            after_deadline(rows)
        }
        "channel_unbounded" | "channel_bounded" | "semaphore" => flows(rows),
        // The comparison's tables (two languages, as in the results page's
        // scale-up): its own words, as `compare` prints them.
        _ if languages.len() > 1 => {
            let records: Vec<Record> =
                rows.iter().map(|&record| record.clone()).collect();
            let lines = summary::lines(&pairs::rows(&records));
            (!lines.is_empty()).then(|| lines.join(" "))
        }
        "io_calls" => io_calls(rows),
        "pool" => pool(rows),
        "mixed_tasks" => mixed_tasks(rows),
        "hybrid" => hybrid(rows),
        "calls" | "algorithm" => against_baseline(rows),
        "io_scale" => io_scale(rows),
        "io_files" => each_wall(rows),
        _ => None,
    }
}

fn times(x: f64) -> String {
    format!("{x:.2}×")
}

fn variant(record: &Record) -> String {
    record.variant.clone().unwrap_or_else(|| record.experiment.clone())
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The largest lateness among `rows`.
fn worst_lateness(rows: &[&Record]) -> Option<f64> {
    rows.iter().filter_map(|r| r.worst_lateness_s).reduce(f64::max)
}

/// Chapter 2: ticks late with the steps on the loop, on time off it.
fn mixed_tasks(rows: &[&Record]) -> Option<String> {
    let (on_loop, off_loop): (Vec<&Record>, Vec<&Record>) =
        rows.iter().partition(|r| variant(r).ends_with("on-loop"));
    let all =
        |rows: &[&Record], word| rows.iter().all(|r| r.verdict.as_deref() == Some(word));
    if on_loop.is_empty()
        || off_loop.is_empty()
        || !all(&on_loop, "late")
        || !all(&off_loop, "on time")
    {
        return None;
    }
    let runtimes = |n: usize| {
        if n == 1 { "the one runtime".to_string() } else { format!("all {n} runtimes") }
    };
    Some(format!(
        "with the CPU steps on the loop, the ticks ran late on {}, by up to {}; with \
         the steps moved off it, on time on {}, within {}.",
        runtimes(on_loop.len()),
        duration_s(worst_lateness(&on_loop)?),
        runtimes(off_loop.len()),
        duration_s(worst_lateness(&off_loop)?)
    ))
}

/// Chapter 4's hybrid: each way of running the calls, its verdict and its
/// worst lateness.
fn hybrid(rows: &[&Record]) -> Option<String> {
    let ways = each(rows, "; ", |r| {
        let on = variant(r).replace("on-", "the ");
        let worst = duration_s(r.worst_lateness_s?);
        Some(format!("{} with the calls on {on} ({worst})", r.verdict.as_deref()?))
    })?;
    Some(format!("worst lateness of the ticks: {ways}."))
}

/// The sweep: each pool (a variant, or a language) at N = cores, its
/// speedup over N = 1 and the bar's verdict, and the best speedup of any N.
fn pool(rows: &[&Record]) -> Option<String> {
    let cores = rows[0].cores;
    let group =
        |r: &Record| r.variant.clone().unwrap_or_else(|| capitalised(&r.language));
    let speedup = |r: &Record| {
        r.speedup.or_else(|| {
            let base =
                rows.iter().find(|b| group(b) == group(r) && b.workers == Some(1))?;
            Some(base.wall_s / r.wall_s)
        })
    };
    let at_cores: Vec<&Record> =
        rows.iter().copied().filter(|r| r.workers == Some(cores)).collect();
    let speedups = each(&at_cores, ", ", |r| {
        let verdict =
            r.verdict.as_deref().map_or(String::new(), |v| format!(" (bar {v})"));
        Some(format!("{} {}{verdict}", group(r), times(speedup(r)?)))
    })?;
    let (best, best_speedup) = rows
        .iter()
        .filter_map(|r| Some((r, speedup(r)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    Some(format!(
        "at N = {cores} (the cores), {speedups} faster than N = 1; the best of any N, {} \
         ({}) at N = {}.",
        times(best_speedup),
        group(best),
        best.workers?
    ))
}

/// Chapter 3's calls and chapter 4's algorithms: each row's speedup against
/// the baseline row (speedup 1), with its verdict when it has one.
fn against_baseline(rows: &[&Record]) -> Option<String> {
    let base = rows.iter().find(|r| r.speedup == Some(1.0))?;
    let others: Vec<&Record> =
        rows.iter().copied().filter(|r| r.speedup != Some(1.0)).collect();
    let speedups = each(&others, ", ", |r| {
        let verdict = r.verdict.as_deref().map_or(String::new(), |v| format!(" ({v})"));
        Some(format!("{} {}{verdict}", variant(r), times(r.speedup?)))
    })?;
    Some(format!("against {} ({}): {speedups}.", variant(base), duration_s(base.wall_s)))
}

/// Chapter 3's waits: every mode's time, and their one verdict.
fn io_calls(rows: &[&Record]) -> Option<String> {
    let verdict = rows[0].verdict.as_deref()?;
    if rows.iter().any(|r| r.verdict.as_deref() != Some(verdict)) {
        return None;
    }
    let (low, high) = rows.iter().fold((f64::MAX, 0.0f64), |(low, high), r| {
        (low.min(r.wall_s), high.max(r.wall_s))
    });
    Some(format!(
        "{} calls that wait took {} to {} in every mode: {verdict}.",
        rows[0].calls?,
        duration_s(low),
        duration_s(high)
    ))
}

/// The scale-up: each way's start-up and memory per connection.
fn io_scale(rows: &[&Record]) -> Option<String> {
    let ways = each(rows, "; ", |r| {
        let (startup, memory) = (r.startup_s?, r.memory_each_bytes?);
        let memory = format::bytes(memory);
        Some(format!(
            "{} start in {} and take {memory} each",
            variant(r),
            duration_s(startup)
        ))
    })?;
    Some(format!("per connection, {ways}."))
}

/// Every row's wall time.
fn each_wall(rows: &[&Record]) -> Option<String> {
    let walls =
        each(rows, ", ", |r| Some(format!("{} {}", variant(r), duration_s(r.wall_s))));
    Some(format!("{}.", walls?))
}

/// Each row in words, joined by `between`; `None` when there is no row or
/// a row lacks what its words need.
fn each(
    rows: &[&Record],
    between: &str,
    words: impl Fn(&Record) -> Option<String>,
) -> Option<String> {
    let parts: Vec<String> = rows.iter().map(|r| words(r)).collect::<Option<_>>()?;
    (!parts.is_empty()).then(|| parts.join(between))
}

/// A row's name among chapter 5's: its language, and its variant if any.
fn named(record: &Record) -> String {
    let language = capitalised(&record.language);
    match &record.variant {
        Some(variant) => format!("{language} ({variant})"),
        None => language,
    }
}

/// Chapter 5, a job given a deadline: the CPU each row spent after it, and
/// the row's verdict (held to one step's CPU). Wall times say nothing here.
fn after_deadline(rows: &[&Record]) -> Option<String> {
    let ways = each(rows, ", ", |r| {
        let after = duration_ms(r.cpu_after_deadline_ms?);
        Some(format!("{} {after} ({})", named(r), r.verdict.as_deref()?))
    })?;
    Some(format!("CPU after the deadline: {ways}."))
}

/// Chapter 5, a flow with or without a bound: each row's peak memory (and
/// its verdict where it has one) and latencies.
fn flows(rows: &[&Record]) -> Option<String> {
    let flows = each(rows, "; ", |r| {
        let verdict = r.verdict.as_deref().map(|v| format!(", {v}")).unwrap_or_default();
        let peak = format::bytes(r.peak_memory_bytes? as f64);
        let (median, worst) = (r.latency_median_ms?, r.latency_worst_ms?);
        Some(format!(
            "{} peak memory {peak}{verdict}, latency {} median, {} worst",
            named(r),
            duration_ms(median),
            duration_ms(worst)
        ))
    })?;
    Some(format!("{flows}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(experiment: &str, variant: &str, wall_s: f64) -> Record {
        Record {
            experiment: experiment.into(),
            language: "rust".into(),
            variant: Some(variant.into()),
            wall_s,
            cores: 2,
            ..Record::default()
        }
    }

    /// The sweep's line names each pool's speedup and verdict at N = cores.
    #[test]
    fn the_pool_line_reads_the_speedup_at_the_core_count() {
        let mut rows = Vec::new();
        for (variant, workers, speedup, verdict) in [
            ("threads", 1, 1.0, None),
            ("threads", 2, 1.95, Some("met")),
            ("threads", 8, 1.97, None),
            ("processes", 2, 1.91, Some("met")),
        ] {
            rows.push(Record {
                workers: Some(workers),
                speedup: Some(speedup),
                verdict: verdict.map(String::from),
                ..row("pool", variant, 2.0)
            });
        }
        let rows: Vec<&Record> = rows.iter().collect();
        assert_eq!(
            line("pool", &rows).unwrap(),
            "at N = 2 (the cores), threads 1.95× (bar met), processes 1.91× (bar met) \
             faster than N = 1; the best of any N, 1.97× (threads) at N = 8."
        );
    }

    /// Speedups against the baseline, with verdicts.
    #[test]
    fn the_calls_line_reads_each_speedup_against_the_loop() {
        let rows = [
            Record { speedup: Some(1.0), ..row("calls", "loop", 4.0) },
            Record {
                speedup: Some(1.95),
                verdict: Some("parallel".into()),
                ..row("calls", "threads", 2.05)
            },
        ];
        let rows: Vec<&Record> = rows.iter().collect();
        assert_eq!(
            line("calls", &rows).unwrap(),
            "against loop (4.000 s): threads 1.95× (parallel)."
        );
    }

    /// Late on the loop, on time off it, with the worst latenesses.
    #[test]
    fn the_mixed_tasks_line_contrasts_the_verdicts() {
        let late = Record {
            verdict: Some("late".into()),
            worst_lateness_s: Some(1.5),
            ..row("mixed_tasks", "tokio-on-loop", 12.0)
        };
        let on_time = Record {
            verdict: Some("on time".into()),
            worst_lateness_s: Some(0.002),
            ..row("mixed_tasks", "tokio-spawn-blocking", 8.0)
        };
        let rows = [&late, &on_time];
        assert_eq!(
            line("mixed_tasks", &rows).unwrap(),
            "with the CPU steps on the loop, the ticks ran late on the one runtime, by up \
             to 1.500 s; with the steps moved off it, on time on the one runtime, within \
             2.00 ms."
        );
    }

    /// Chapter 5: the CPU after the deadline and the verdict of each row,
    /// never the wall times; a flow's peak memory and latencies.
    #[test]
    fn chapter_5_lines_read_the_cpu_after_the_deadline_and_the_memory() {
        let rust = Record {
            cpu_after_deadline_ms: Some(7.5),
            verdict: Some("stopped at the step's end".into()),
            ..row("cancel_timeout", "awaited-steps", 0.1)
        };
        let python = Record {
            language: "python".into(),
            cpu_after_deadline_ms: Some(60.0),
            verdict: Some("ran on".into()),
            ..row("cancel_timeout", "steps-on-loop", 0.2)
        };
        assert_eq!(
            line("cancel_timeout", &[&rust, &python]).unwrap(),
            "CPU after the deadline: Rust (awaited-steps) 7.50 ms (stopped at the step's end), \
             Python (steps-on-loop) 60.0 ms (ran on)."
        );
        let flow = Record {
            variant: None,
            peak_memory_bytes: Some(3 << 20),
            latency_median_ms: Some(2.0),
            latency_worst_ms: Some(30.0),
            verdict: Some("flat".into()),
            ..row("channel_bounded", "x", 1.0)
        };
        assert_eq!(
            line("channel_bounded", &[&flow]).unwrap(),
            "Rust peak memory 3.00 MiB, flat, latency 2.00 ms median, 30.0 ms worst."
        );
        assert_eq!(line("semaphore", &[&row("semaphore", "capped", 1.0)]), None);
    }

    /// An experiment it does not know, or rows that lack a field, get no line.
    #[test]
    fn no_line_without_what_it_needs() {
        let one = row("unknown", "x", 1.0);
        assert_eq!(line("unknown", &[&one]), None);
        let pool = Record { workers: Some(2), ..row("pool", "threads", 1.0) };
        assert_eq!(line("pool", &[&pool]), None);
        assert_eq!(line("pool", &[]), None);
    }
}
