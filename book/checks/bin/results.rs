//! `cargo run --release -p course-book --bin results`
//!
//! Renders the book's results from the measurements, a module a step:
//! [`course_book::records`] reads `book/results/run-<k>/<name>.jsonl` (the
//! records the chapters' `--json PATH` and the compare command write, a
//! folder per run of `book/measure.sh`); [`course_book::merge`] keeps each
//! set's median run, whole; [`course_book::render`] writes
//! `book/src/results/<name>.md` (a table per experiment, led by its
//! [`course_book::takeaway`]) and the one-value files the pages include
//! (only those: the others are not written).
//!
//! It refuses runs too noisy to carry their lessons (an experiment spread
//! over its bound, a verdict that differs between runs: `merge`): it names
//! the experiment, writes nothing and exits 1. `--check` does only that
//! (what `book/measure.sh` asks before it keeps new runs).
//!
//! The tables name where they were measured: `--stamp`, run by
//! `book/measure.sh` before the measurements, writes this machine's
//! provenance to `provenance.txt` in the records' folder (with `--label`,
//! the set's condition: "pinned to one core"), and rendering reads it.
//!
//! `--pictures DIR` copies the pictures of the run each set shows from
//! `DIR/run-<k>/` (measure.sh keeps every run's), so that the pictures
//! come from the tables' run, and notes the run in `pictures.txt`.
//! `--side-set` is for a set made on purpose on one core or a loaded
//! machine (`book/results/sets/<name>/`): its pictures go into its own
//! folder and nothing of the book is rendered.
//!
//! `--claims` is the reader's report: which of the book's sentences the
//! runs in the records' folder (your `bash book/measure.sh`) confirm, which
//! they contradict, and why ([`course_book::claims::report`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser;
use course_book::claims::{self, Records};
use course_book::merge::{self, Merged};
use course_book::workspace::{self, write_or_exit};
use course_book::{include, records, render, sentences, text};
use shared::{cli, report};

/// Renders book/results/run-*/*.jsonl into the book's tables and values.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Write this machine's provenance (cores, CPU, build, date) to
    /// provenance.txt in the records' folder instead of rendering.
    #[arg(long)]
    stamp: bool,

    /// With --stamp: the condition the runs are made under, stored with the
    /// provenance ("pinned to one core with taskset -c 0").
    #[arg(long, value_name = "TEXT", requires = "stamp")]
    label: Option<String>,

    /// Print which of the book's sentences these runs confirm and which
    /// they contradict, with the measured values; write nothing.
    #[arg(long)]
    claims: bool,

    /// Copy the pictures of each set's shown run from DIR/run-<k>/.
    #[arg(long, value_name = "DIR")]
    pictures: Option<PathBuf>,

    /// The records are a side set: its pictures go to its own pictures/
    /// folder, and nothing of the book is rendered.
    #[arg(long)]
    side_set: bool,

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
    if args.stamp {
        return stamp(&records_dir, args.label);
    }
    if args.claims {
        return print_claims(&records_dir);
    }
    let (sets, refused) = merge_runs(&records_dir);
    if !refused.is_empty() && !args.side_set {
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
    if let Some(from) = &args.pictures {
        let to = if args.side_set {
            records_dir.join("pictures")
        } else {
            workspace::book_src().join("pictures")
        };
        copy_pictures(from, &to, &records_dir, &sets);
    }
    if !args.side_set {
        let out_dir = args.out.unwrap_or_else(|| workspace::book_src().join("results"));
        render_pages(&out_dir, &records_dir, &sets);
    }
}

/// `--stamp`: this machine's provenance, and the runs' condition, into
/// `provenance.txt`.
fn stamp(records_dir: &Path, label: Option<String>) {
    let file = records_dir.join("provenance.txt");
    let label = label.map_or(String::new(), |label| format!(", {label}"));
    write_or_exit(&file, &format!("{}{label}", report::provenance()));
    cli::say(format!("provenance written to {}", file.display()));
}

/// `--claims`: the book's sentences against the runs in `records_dir`.
fn print_claims(records_dir: &Path) {
    let records = Records::load(records_dir).unwrap_or_else(|err| cli::fail(err));
    let shown = records_dir.strip_prefix(workspace::root()).unwrap_or(records_dir);
    let intro = format!(
        "The book's sentences against the runs in {} (its provenance.txt names the \
         machine):",
        shown.display()
    );
    print!("{}", text::wrap(&intro, 80, "", ""));
    print!("{}", claims::report(&sentences::all(), &records));
}

/// Every record set's runs merged, each experiment's spread said on
/// stderr; and the sets refused, a line each (too noisy, or runs that
/// disagree).
fn merge_runs(records_dir: &Path) -> (BTreeMap<String, Merged>, Vec<String>) {
    let runs = records::read_runs(records_dir).unwrap_or_else(|err| cli::fail(err));
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
                "{name}: {}: spread {:.1} % over {} runs (bound {:.0} %, worst row {}, \
                 {})",
                spread.experiment,
                spread.spread * 100.0,
                merged.runs,
                merge::bound(name, &spread.experiment) * 100.0,
                spread.row,
                spread.measure.words()
            );
        }
    }
    (sets, refused)
}

/// Each set's table page and the values the pages include, in `out_dir`.
fn render_pages(out_dir: &Path, records_dir: &Path, sets: &BTreeMap<String, Merged>) {
    let provenance = fs::read_to_string(records_dir.join("provenance.txt"))
        .map(|text| text.trim().to_string())
        .unwrap_or_else(|_| report::provenance());
    let wanted = include::values_in_pages();
    let _ = fs::remove_dir_all(out_dir.join("values"));
    for (name, merged) in sets {
        write_or_exit(
            &out_dir.join(format!("{name}.md")),
            &render::markdown(name, merged, &provenance),
        );
        let written = write_values(out_dir, name, merged, &wanted);
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
                write_or_exit(&out_dir.join("values").join(name).join(file), value);
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

/// Copies each set's pictures (`<set>*.svg`) from the run it shows,
/// `from/run-<k>/`, into `to`, and writes which run into `pictures.txt` in
/// the records' folder.
fn copy_pictures(
    from: &Path,
    to: &Path,
    records_dir: &Path,
    sets: &BTreeMap<String, Merged>,
) {
    let mut note = String::new();
    for (name, merged) in sets {
        let run = from.join(format!("run-{}", merged.run));
        let mine: Vec<PathBuf> = workspace::files_with_suffix(&run, ".svg")
            .into_iter()
            .filter(|path| {
                path.file_name()
                    .is_some_and(|f| f.to_string_lossy().starts_with(name.as_str()))
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        for picture in &mine {
            let target = to.join(picture.file_name().unwrap_or_default());
            let text = fs::read_to_string(picture)
                .unwrap_or_else(|err| cli::fail(format!("{}: {err}", picture.display())));
            write_or_exit(&target, &text);
        }
        note.push_str(&format!("{name}: run-{}\n", merged.run));
        cli::say(format!(
            "{name}: {} pictures from run {} of {}",
            mine.len(),
            merged.run,
            merged.runs
        ));
    }
    write_or_exit(&records_dir.join("pictures.txt"), &note);
}
