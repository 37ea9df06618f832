//! `cargo run --release -p course-book --bin results`
//!
//! Renders the book's results from the measurements. `book/results/` holds
//! one folder per run (`run-1/`, `run-2/`, …) of the records the chapters'
//! `--json PATH` and the compare command write; each record set
//! `<name>.jsonl` is merged over the runs ([`course_book::merge`]: each row
//! the set's median run, whole) and becomes `book/src/results/<name>.md` (the tables
//! the pages include, each led by its takeaway and followed by its spread)
//! and the one-value files `book/src/results/values/<name>/<key>.<field>.txt`
//! that the pages include (only those: the others are not written).
//!
//! It refuses runs too noisy to carry their lessons: when an experiment's
//! wall times spread over its bound, or a verdict differs between runs, it
//! names the experiment, writes nothing and exits 1. `--check` does only
//! that (what `book/measure.sh` asks before it keeps new runs).
//!
//! The tables name where they were measured: `--stamp`, run by
//! `book/measure.sh` before the measurements, writes this machine's
//! provenance to `provenance.txt` in the records' folder, and rendering
//! reads it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser;
use course_book::merge::{self, Merged};
use course_book::{include, records, render, workspace};
use shared::{cli, report};

/// Renders book/results/run-*/*.jsonl into the book's tables and values.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Write this machine's provenance (cores, CPU, build, date) to
    /// provenance.txt in the records' folder instead of rendering.
    #[arg(long)]
    stamp: bool,

    /// Only merge the runs and refuse them if they are too noisy; write
    /// nothing.
    #[arg(long)]
    check: bool,

    /// The folder of the runs (run-1/, run-2/, …) [default: book/results].
    #[arg(long, value_name = "DIR")]
    records: Option<PathBuf>,

    /// The folder the tables and values go to [default: book/src/results].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn main() {
    let args: Args = cli::parse_or_exit();
    let records_dir = args.records.unwrap_or_else(records::dir);
    let out_dir = args.out.unwrap_or_else(|| workspace::book_src().join("results"));
    let provenance_file = records_dir.join("provenance.txt");
    if args.stamp {
        let _ = fs::create_dir_all(&records_dir);
        write(&provenance_file, &report::provenance());
        cli::say(format!("provenance written to {}", provenance_file.display()));
        return;
    }
    let runs = records::read_runs(&records_dir).unwrap_or_else(|err| cli::fail(err));
    let mut sets: BTreeMap<String, Merged> = BTreeMap::new();
    let mut refused: Vec<String> = Vec::new();
    for (name, runs) in &runs {
        match merge::merge(runs) {
            Ok(merged) => {
                refused.extend(merge::too_noisy(name, &merged));
                sets.insert(name.clone(), merged);
            }
            Err(err) => refused.push(format!("{name}: {err}")),
        }
    }
    for (name, merged) in &sets {
        for spread in &merged.spreads {
            eprintln!(
                "{name}: {}: spread {:.1} % over {} runs (bound {:.0} %, worst row {})",
                spread.experiment,
                spread.spread * 100.0,
                merged.runs,
                merge::bound(name, &spread.experiment) * 100.0,
                spread.row
            );
        }
    }
    if !refused.is_empty() {
        for line in &refused {
            eprintln!("error: {line}");
        }
        eprintln!(
            "error: these runs cannot carry the lessons; nothing was written. Measure \
             again on a quieter machine (nothing else running), or try again."
        );
        std::process::exit(1);
    }
    if args.check {
        cli::say(format!("{}: every experiment within its bound", records_dir.display()));
        return;
    }
    let provenance = fs::read_to_string(&provenance_file)
        .map(|text| text.trim().to_string())
        .unwrap_or_else(|_| report::provenance());
    let wanted = include::values_in_pages(&workspace::book_src());
    let _ = fs::remove_dir_all(out_dir.join("values"));
    for (name, merged) in &sets {
        write(
            &out_dir.join(format!("{name}.md")),
            &render::markdown(name, merged, &provenance),
        );
        let written = write_values(&out_dir, name, merged, &wanted);
        cli::say(format!(
            "{name}: {} records from {} runs, a table page and the {written} values the \
             pages include",
            merged.records.len(),
            merged.runs
        ));
    }
    for name in wanted.keys().filter(|name| !sets.contains_key(*name)) {
        eprintln!("warning: the pages include values of {name}, which has no records");
    }
}

/// Writes the values of `name` that the pages include; warns about those
/// the records do not provide. Returns how many were written.
fn write_values(
    out_dir: &Path,
    name: &str,
    merged: &Merged,
    wanted: &BTreeMap<String, BTreeSet<String>>,
) -> usize {
    let (values, repeated) = render::values(&merged.records);
    if !repeated.is_empty() {
        eprintln!(
            "note: {name}: several records share a key, the last one's values kept: {}",
            repeated.join(", ")
        );
    }
    let mut written = 0;
    for file in wanted.get(name).into_iter().flatten() {
        match values.get(file) {
            Some(value) => {
                write(&out_dir.join("values").join(name).join(file), value);
                written += 1;
            }
            None => eprintln!(
                "warning: a page includes results/values/{name}/{file}, which the records \
                 do not provide"
            ),
        }
    }
    written
}

/// Writes `text` to `path` (no newline added), making its folder.
fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    if let Err(err) = fs::write(path, text) {
        eprintln!("error: cannot write {}: {err}", path.display());
        std::process::exit(1);
    }
}
