//! The records of both languages as tables for the terminal: the wall
//! times side by side (the ratio is Python's wall time over Rust's: how
//! many times faster the Rust side was), the loops' and the scale-up's own
//! tables, and chapter 5's (`chapter_5_table.rs`); whether both computed
//! the same product. The rows are paired in [`course_book::pairs`], their words are in
//! [`course_book::summary`].

use course_book::summary::cores_used;
use shared::format::{self, duration_s};
use shared::record::Record;

pub(crate) use course_book::pairs::{Row, rows};

use crate::experiment::Experiment;

/// A column of a table: its header, and its cell on an item's line.
pub(crate) type Column<T> = (&'static str, fn(&T) -> String);

/// One language's record in a row, named: a line of the tables that show
/// each side.
pub(crate) type Side<'a> = (&'a Row, &'static str, &'a Record);

/// A table's cells: the headers, then a line per item; none without items.
pub(crate) fn cells<T>(columns: &[Column<T>], items: &[T]) -> Vec<Vec<String>> {
    if items.is_empty() {
        return Vec::new();
    }
    let header = columns.iter().map(|(name, _)| name.to_string()).collect();
    let line = |item| columns.iter().map(|(_, cell)| cell(item)).collect();
    std::iter::once(header).chain(items.iter().map(line)).collect()
}

/// Each side of the rows `keep` keeps, Python's first.
pub(crate) fn sides(rows: &[Row], keep: impl Fn(&Row) -> bool) -> Vec<Side<'_>> {
    let kept = rows.iter().filter(move |row| keep(row));
    kept.flat_map(|row| row.sides().map(move |(name, r)| (row, name, r))).collect()
}

/// A cell for a value the record may lack: a dash without it.
pub(crate) fn cell<T>(value: Option<T>, shown: impl FnOnce(T) -> String) -> String {
    value.map_or("–".to_string(), shown)
}

/// The wall-time table, a line per language: but for the experiments with
/// tables of their own (the mixed tasks, the scale-up, chapter 5). The
/// ratio is on Rust's line; the CPU times are in the measurements' lines.
fn wall_times(rows: &[Row]) -> Vec<Vec<String>> {
    let columns: [Column<Side<'_>>; 5] = [
        ("experiment", |(row, _, _)| row.label()),
        ("language", |(_, language, _)| language.to_string()),
        ("wall", |(_, _, r)| duration_s(r.wall_s)),
        ("cores used", |(_, _, r)| cores_used(r)),
        ("Rust faster", |(row, language, _)| match *language {
            "Rust" => cell(row.ratio(), |ratio| format!("{ratio:.2}×")),
            _ => String::new(),
        }),
    ];
    let own_table = |row: &Row| {
        matches!(row.experiment, Experiment::MixedTasks | Experiment::IoScale)
            || row.experiment.is_chapter_5()
    };
    cells(&columns, &sides(rows, |row| !own_table(row)))
}

/// The loops' table (the mixed tasks and the hybrid), a line per language;
/// the interval is in the experiment's line.
fn loops(rows: &[Row]) -> Vec<Vec<String>> {
    fn in_steps(r: &Record) -> String {
        let late = r.worst_lateness_s.unwrap_or(0.0);
        let step = r.step_s.filter(|step| *step > 0.0);
        cell(step, |step| format!("{:.2}", late / step))
    }
    let columns: [Column<Side<'_>>; 6] = [
        ("loop", |(row, name, r)| {
            let which =
                if row.experiment == Experiment::Hybrid { "hybrid" } else { "mixed" };
            format!("{name} {}, {which}", r.version)
        }),
        ("ticks", |(_, _, r)| r.ticks.unwrap_or(0).to_string()),
        ("worst gap", |(_, _, r)| cell(r.max_gap_s, duration_s)),
        ("worst lateness", |(_, _, r)| duration_s(r.worst_lateness_s.unwrap_or(0.0))),
        ("CPU step", |(_, _, r)| cell(r.step_s, duration_s)),
        ("in steps", |(_, _, r)| in_steps(r)),
    ];
    let lines = sides(rows, |row| {
        matches!(row.experiment, Experiment::MixedTasks | Experiment::Hybrid)
    });
    cells(&columns, &lines)
}

/// The scale-up's table, a line per language and way; the number of
/// connections is in the experiment's line.
fn scale_up(rows: &[Row]) -> Vec<Vec<String>> {
    let columns: [Column<Side<'_>>; 5] = [
        ("as", |(row, name, _)| format!("{name} {}", row.way.unwrap_or("?"))),
        ("start-up each", |(_, _, r)| cell(r.startup_s, duration_s)),
        ("memory each", |(_, _, r)| cell(r.memory_each_bytes, format::bytes)),
        ("all answered in", |(_, _, r)| duration_s(r.wall_s)),
        ("verdict", |(_, _, r)| r.verdict.clone().unwrap_or_default()),
    ];
    cells(&columns, &sides(rows, |row| row.experiment == Experiment::IoScale))
}

/// The tables of the rows: the wall times, the loops', the scale-up's
/// (chapter 5's are in `chapter_5_table.rs`).
pub(crate) fn tables(rows: &[Row]) -> Vec<Vec<Vec<String>>> {
    vec![wall_times(rows), loops(rows), scale_up(rows)]
}

/// Every table with lines, for the terminal, a blank line apart: columns
/// padded to their widest cell by the course's one table renderer
/// ([`shared::format::line`]), not indented.
pub(crate) fn text(tables: &[Vec<Vec<String>>]) -> String {
    let aligned = |cells: &Vec<Vec<String>>| {
        let widths = format::widths(cells);
        let lines =
            cells.iter().map(|line| format::line(line, &widths, format::Align::Left));
        lines.collect::<Vec<_>>().join("\n")
    };
    let tables = tables.iter().filter(|cells| !cells.is_empty()).map(aligned);
    tables.collect::<Vec<_>>().join("\n\n")
}

/// Whether every product both languages computed has the same size: the
/// proof that both did the same work, in words; `Err` names the first
/// disagreement (between products of the same limit).
pub(crate) fn agreement(records: &[Record]) -> Result<String, String> {
    let mut seen: Option<(u64, &Record)> = None;
    for record in records {
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
    Ok(match seen {
        Some((bits, _)) => {
            format!("Same work on both sides: every product has {bits} bits.")
        }
        None => "No product to compare: these experiments compute none.".to_string(),
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

    /// The tables' columns line up; the scale-up has its own table, one
    /// line per language and way, memory in KiB; a missing Python side
    /// leaves no line; waiting is not flagged as starved, since it needs no
    /// core.
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
        assert_eq!(
            text(&tables(&rows(&records))),
            "\
experiment  language  wall     cores used  Rust faster
one call    Rust      1.000 s  1.00 of 2   –

as            start-up each  memory each  all answered in  verdict
Python tasks  50.0 µs        1.37 KiB     1.000 s
Rust tasks    50.0 µs        1.37 KiB     1.000 s"
        );
        assert_eq!(crate::busy::busy_machine_warning(&records), None);
    }

    /// Different products at the same limit are caught.
    #[test]
    fn a_different_product_is_reported() {
        let same = [
            record("one_call", "rust", 1.0, None),
            record("one_call", "python", 1.0, None),
        ];
        let same_work = "Same work on both sides: every product has 553458 bits.";
        assert_eq!(agreement(&same).as_deref(), Ok(same_work));
        let mut other = record("threads", "python", 1.0, None);
        other.fingerprint = Some(7);
        let err = agreement(&[same[0].clone(), other]).unwrap_err();
        assert!(
            err.starts_with("results DIFFER: rust one_call gave a 553458-bit product"),
            "{err}"
        );
    }
}
