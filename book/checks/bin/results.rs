//! `cargo run --release -p course-book --bin results`
//!
//! Renders the book's results from the measurements: every
//! `book/results/<name>.jsonl` (records written by the chapters' `--json
//! PATH` and by the compare command) becomes `book/src/results/<name>.md`
//! (the tables the Results page includes) and the one-value files
//! `book/src/results/values/<name>/<key>.<field>.txt` that prose includes.
//!
//! The tables name where they were measured: `--stamp`, run by
//! `book/measure.sh` before the measurements, writes this machine's
//! provenance to `book/results/provenance.txt`, and rendering reads it.

use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser;
use course_book::{render, workspace};
use shared::{cli, report};

/// Renders `book/results/*.jsonl` into the book's tables and values.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Write this machine's provenance (cores, CPU, build, date) to
    /// book/results/provenance.txt instead of rendering.
    #[arg(long)]
    stamp: bool,

    /// The folder of the records.
    #[arg(long, value_name = "DIR")]
    records: Option<PathBuf>,

    /// The folder the tables and values go to.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn main() {
    let args: Args = cli::parse_or_exit();
    let records_dir =
        args.records.unwrap_or_else(|| workspace::root().join("book/results"));
    let out_dir = args.out.unwrap_or_else(|| workspace::book_src().join("results"));
    let provenance_file = records_dir.join("provenance.txt");
    if args.stamp {
        let _ = fs::create_dir_all(&records_dir);
        write(&provenance_file, &report::provenance());
        cli::say(format!("provenance written to {}", provenance_file.display()));
        return;
    }
    let provenance = fs::read_to_string(&provenance_file)
        .map(|text| text.trim().to_string())
        .unwrap_or_else(|_| report::provenance());
    let inputs = course_book::workspace::files_with_suffix(&records_dir, ".jsonl");
    if inputs.is_empty() {
        cli::fail(format!("no records (*.jsonl) in {}", records_dir.display()));
    }
    for input in inputs {
        let name = input.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let text = fs::read_to_string(&input).unwrap_or_default();
        let records = render::read_records(&text)
            .unwrap_or_else(|err| cli::fail(format!("{}: {err}", input.display())));
        write(
            &out_dir.join(format!("{name}.md")),
            &render::markdown(&records, &provenance),
        );
        let values_dir = out_dir.join("values").join(&name);
        let _ = fs::remove_dir_all(&values_dir);
        let (values, repeated) = render::values(&records);
        for (file, value) in &values {
            write(&values_dir.join(file), value);
        }
        cli::say(format!(
            "{}: {} records, a table page and {} values",
            input.display(),
            records.len(),
            values.len()
        ));
        if !repeated.is_empty() {
            eprintln!(
                "note: {name}: several records share a key, the last one's values kept: {}",
                repeated.join(", ")
            );
        }
    }
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
