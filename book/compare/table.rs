//! The records of both languages as tables for the terminal: the wall
//! times side by side (the ratio is Python's wall time over Rust's: how
//! many times faster the Rust side was), the loops' and the scale-up's own
//! tables; whether both computed the same product; a warning when other
//! programs took the cores. The rows are paired in [`course_book::pairs`],
//! their words are in [`course_book::summary`]. Chapter 5's rows have
//! tables of their own (`chapter_5_table.rs`).

use course_book::summary::cores_used;
use shared::format::{self, duration_s};
use shared::record::Record;

pub(crate) use course_book::pairs::{Row, rows};

use crate::experiment::Experiment;

/// A cell for a value the record may lack: a dash without it.
pub(crate) fn cell<T>(value: Option<T>, shown: impl FnOnce(T) -> String) -> String {
    value.map_or("–".to_string(), shown)
}

/// A table's header row, from its column names separated by ` | `.
pub(crate) fn header(columns: &str) -> Vec<String> {
    columns.split(" | ").map(String::from).collect()
}

/// A table of its own: the header and the lines, or nothing without lines.
pub(crate) fn own_table(columns: &str, lines: Vec<Vec<String>>) -> Vec<Vec<String>> {
    if lines.is_empty() { lines } else { [vec![header(columns)], lines].concat() }
}

/// The cells of the wall-time table: a header and one line per row (the
/// mixed tasks, the scale-up and chapter 5 have their own tables).
fn cells(rows: &[Row]) -> Vec<Vec<String>> {
    let mut lines = vec![header(
        "experiment | Python wall | Python CPU | Python cores used | Rust wall | Rust CPU \
         | Rust cores used | Rust faster by",
    )];
    let elsewhere = |row: &&Row| {
        matches!(row.experiment, Experiment::MixedTasks | Experiment::IoScale)
            || row.experiment.is_chapter_5()
    };
    for row in rows.iter().filter(|row| !elsewhere(row)) {
        let mut line = vec![row.label()];
        for record in [&row.python, &row.rust] {
            line.push(cell(record.as_ref(), |r| duration_s(r.wall_s)));
            line.push(cell(record.as_ref(), |r| duration_s(r.cpu_s)));
            line.push(cell(record.as_ref(), cores_used));
        }
        line.push(cell(row.ratio(), |ratio| format!("{ratio:.2}×")));
        lines.push(line);
    }
    lines
}

/// The cells of the mixed-task table, one line per language.
fn mixed_cells(rows: &[Row]) -> Vec<Vec<String>> {
    let loops = rows.iter().filter(|row| {
        matches!(row.experiment, Experiment::MixedTasks | Experiment::Hybrid)
    });
    let lines = loops.flat_map(|row| {
        let which = if row.experiment == Experiment::Hybrid { "hybrid" } else { "mixed" };
        row.sides().map(move |(name, r)| {
            let (late, step) =
                (r.worst_lateness_s.unwrap_or(0.0), r.step_s.unwrap_or(0.0));
            vec![
                format!("{name} {}, {which}", r.version),
                r.ticks.unwrap_or(0).to_string(),
                duration_s(r.interval_s.unwrap_or(0.0)),
                cell(r.max_gap_s, duration_s),
                duration_s(late),
                cell(r.step_s, duration_s),
                cell((step > 0.0).then_some(late / step), |ratio| format!("{ratio:.2}")),
            ]
        })
    });
    own_table(
        "loop | ticks | interval | worst gap | worst lateness | one CPU step (median) \
         | lateness / step",
        lines.collect(),
    )
}

/// The cells of the scale-up table, one line per language and way.
fn scale_cells(rows: &[Row]) -> Vec<Vec<String>> {
    let scale = rows.iter().filter(|row| row.experiment == Experiment::IoScale);
    let lines = scale.flat_map(|row| {
        row.sides().map(move |(name, r)| {
            vec![
                r.calls.unwrap_or(0).to_string(),
                format!("{name} {}", row.way.unwrap_or("?")),
                cell(r.startup_s, duration_s),
                cell(r.memory_each_bytes, format::bytes),
                duration_s(r.wall_s),
                r.verdict.clone().unwrap_or_default(),
            ]
        })
    });
    own_table(
        "connections | as | start-up each | memory each | first connect to last answer \
         | failed",
        lines.collect(),
    )
}

/// Columns padded to their widest cell, for the terminal (the course's one
/// table renderer, [`shared::format::line`]), not indented.
pub(crate) fn aligned(cells: &[Vec<String>]) -> String {
    let widths = format::widths(cells);
    let lines = cells.iter().map(|row| format::line(row, &widths, format::Align::Left));
    lines.map(|line| line + "\n").collect()
}

/// The wall-time table and the loops' and the scale-up's, for the terminal.
pub(crate) fn text(rows: &[Row]) -> String {
    let mut text = aligned(&cells(rows));
    for cells in [mixed_cells(rows), scale_cells(rows)] {
        if !cells.is_empty() {
            text.push('\n');
            text.push_str(&aligned(&cells));
        }
    }
    text
}

/// Whether every product both languages computed has the same size: the proof
/// that both did the same work. `Ok(bits)` when they agree, `Err` naming the
/// first disagreement. `Ok(None)` when nothing reported a fingerprint.
pub(crate) fn agreement(records: &[Record]) -> Result<Option<u64>, String> {
    let mut seen: Option<(u64, &Record)> = None;
    for record in records.iter().filter(|r| r.experiment != Experiment::MixedTasks.name())
    {
        let Some(bits) = record.fingerprint else { continue };
        match seen {
            None => seen = Some((bits, record)),
            Some((first, by)) if first != bits && by.limit == record.limit => {
                return Err(format!(
                    "results DIFFER: {} {} gave a {first}-bit product, {} {} a {bits}-bit one",
                    by.language, by.experiment, record.language, record.experiment
                ));
            }
            Some(_) => {}
        }
    }
    Ok(seen.map(|(bits, _)| bits))
}

/// The cores a measurement should have kept busy on an idle machine: one for
/// the sequential experiments and for CPython's threads, one per worker up
/// to the core count for Rust's threads and for the pools.
fn expected_cores(record: &Record) -> f64 {
    let parallel = record.experiment == Experiment::Pool.name()
        || (record.experiment == Experiment::Threads.name()
            && record.language != "python")
        || record.variant.as_deref() == Some("parallel-tree-all-cores");
    if parallel { record.workers.unwrap_or(1).min(record.cores) as f64 } else { 1.0 }
}

/// A warning when some measurement kept far fewer cores busy than it should
/// have: another program was using them, and its times are inflated.
pub(crate) fn busy_machine_warning(records: &[Record]) -> Option<String> {
    // What mostly waits (a loop's ticks, sockets; chapter 5's deadlines,
    // consumers and service) has no core count to reach.
    let waits = |r: &Record| {
        Experiment::named(&r.experiment).is_some_and(|experiment| {
            experiment.is_chapter_5()
                || matches!(
                    experiment,
                    Experiment::MixedTasks
                        | Experiment::Hybrid
                        | Experiment::IoCalls
                        | Experiment::IoScale
                )
        })
    };
    let starved: Vec<String> = records
        .iter()
        .filter(|r| !waits(r) && r.cores_used < 0.85 * expected_cores(r))
        .map(|r| match r.workers.filter(|_| r.experiment == Experiment::Pool.name()) {
            Some(n) => format!("{} {} N = {n}", r.language, r.experiment),
            None => format!("{} {}", r.language, r.experiment),
        })
        .collect();
    (!starved.is_empty()).then(|| {
        format!(
            "Warning: other programs were using the cores; these kept fewer cores busy than they could, so their times are inflated: {}. Run again on an idle machine.",
            starved.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        experiment: &str,
        language: &str,
        cores_used: f64,
        n: Option<usize>,
    ) -> Record {
        Record {
            experiment: experiment.to_string(),
            language: language.to_string(),
            wall_s: 1.0,
            cores_used,
            cores: 2,
            limit: 40_000,
            workers: n,
            fingerprint: Some(553_458),
            ..Record::default()
        }
    }

    /// The scale-up has its own table, one line per language and way,
    /// memory in KiB; a missing Python side leaves dashes; waiting is not
    /// flagged as starved, since it needs no core.
    #[test]
    fn the_scale_up_has_its_own_table() {
        let scale = |language: &str, variant: &str| Record {
            variant: Some(variant.to_string()),
            calls: Some(100),
            startup_s: Some(0.000_05),
            memory_each_bytes: Some(1406.5664),
            ..record("io_scale", language, 0.01, None)
        };
        let records = [
            record("one_call", "rust", 1.0, None),
            scale("rust", "tasks"),
            scale("python", "asyncio"),
        ];
        let text = text(&rows(&records));
        assert!(text.contains("Python tasks  50.0 µs        1.37 KiB"), "{text}");
        assert!(text.lines().nth(1).is_some_and(|line| line.ends_with('–')), "{text}");
        assert_eq!(busy_machine_warning(&records), None);
    }

    /// A run that got fewer cores than it could use is flagged; a full one is not.
    #[test]
    fn starved_runs_are_flagged() {
        let fine = [
            record("one_call", "rust", 0.99, None),
            record("pool", "rust", 1.9, Some(8)),
        ];
        assert_eq!(busy_machine_warning(&fine), None);
        let starved = [
            record("pool", "python", 1.0, Some(4)),
            record("threads", "python", 0.97, Some(20)),
        ];
        let warning = busy_machine_warning(&starved).unwrap();
        assert!(
            warning
                .ends_with("inflated: python pool N = 4. Run again on an idle machine."),
            "{warning}"
        );
    }

    /// Different products at the same limit are caught.
    #[test]
    fn a_different_product_is_reported() {
        let same = [
            record("one_call", "rust", 1.0, None),
            record("one_call", "python", 1.0, None),
        ];
        assert_eq!(agreement(&same), Ok(Some(553_458)));
        let mut other = record("threads", "python", 1.0, None);
        other.fingerprint = Some(7);
        let err = agreement(&[same[0].clone(), other]).unwrap_err();
        assert!(
            err.starts_with("results DIFFER: rust one_call gave a 553458-bit product"),
            "{err}"
        );
    }
}
