//! `cargo run --release -p course-book --bin compare -- --help`
//!
//! The article's experiments in Python and in Rust, on the reader's machine,
//! in one run: the programs in `book/python/` on one side, the chapters' own
//! code on the other, both measured the same way and printed in the same
//! JSON form ([`shared::record::Record`]), then paired in tables.
//!
//! Each file of `compare/` says what it is; `book/README.md` maps them.

mod busy;
mod chapter_5_table;
mod child;
mod experiment;
mod failure;
mod python_side;
mod rust_chapter_5;
mod rust_io;
mod rust_side;
mod say;
mod table;

use clap::Parser;
use shared::record::Record;
use shared::shutdown::{self, Shutdown};
use shared::{cli, machine};

use experiment::{Experiment, Plan};
use failure::Failure;
use python_side::Python;
use say::Out;

/// Runs the article's experiments in Rust and in Python 3 on this machine,
/// one side after the other: one call of the workload, the calls on an event
/// loop, on threads, on a pool of N processes, the tick gaps of the mixed
/// tasks, the hybrid's heartbeat, and requests to a slow service on
/// 127.0.0.1 (N clients; thousands of connections). Prints each measurement, then a table with both times, the
/// ratio and the cores each side kept busy. Without Python it runs the Rust
/// side only. Ctrl-C stops it with what was measured so far.
#[derive(Debug, Parser)]
#[command(
    version,
    max_term_width = 80,
    after_help = "Examples:\n  compare\n  compare --experiments one_call,threads\n  compare --experiments io_scale --connections 2000\n  compare --limit 20000 --workers 1,2\n  compare --python /usr/bin/python3.12 --json > book/results/python-vs-rust.jsonl"
)]
struct Args {
    /// Experiments to run, comma-separated [default: all of them].
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_enum)]
    experiments: Vec<Experiment>,

    #[command(flatten)]
    plan: Plan,

    /// The Python 3 interpreter that runs the Python side.
    #[arg(long, value_name = "PATH", default_value = "python3")]
    python: String,

    /// Print every measurement as a JSON line on stdout (the Python programs'
    /// form), and the running commentary on stderr, instead of the table. The
    /// book renders its tables from these lines (`book/measure.sh`).
    #[arg(long)]
    json: bool,
}

fn main() {
    if let Some(code) = child::exit_code_if_child(rust_side::measure_part) {
        std::process::exit(code);
    }
    let stop = shutdown::ctrl_c();
    let args: Args = cli::parse_or_exit();
    machine::warn_if_debug_build();
    let out = Out { json: args.json };
    let python = Python::find(&args.python);
    introduce(out, &python);
    let started = busy::Reading::now();
    let run = measure(&args, python.as_ref().ok(), stop, out);
    let machine = started.until(&busy::Reading::now(), machine::cores());
    std::process::exit(report(out, &run, &machine));
}

/// What a run measured, and how it ended.
struct Run {
    /// The measurements, in the order they came.
    records: Vec<Record>,
    /// Some side failed (its error is said as it came).
    failed: bool,
    /// Ctrl-C stopped the run.
    stopped: bool,
}

/// The run's first lines: the machine, both languages, and how they run.
fn introduce(out: Out, python: &Result<Python, String>) {
    let python_is = match python {
        Ok(python) => format!("Python {} (`{}`)", python.version, python.program),
        Err(_) => "no Python".to_string(),
    };
    out.say(format!(
        "Python against Rust on this machine ({} cores): {python_is}, and Rust {} ({} build).",
        machine::cores(),
        rust_side::VERSION,
        machine::build_profile()
    ));
    match python {
        Ok(_) => out.say("Each experiment runs in Rust, then in Python: one side at a time."),
        Err(reason) => out.say(format!(
            "Python not run: {reason}. Running the Rust side only (--python PATH names another)."
        )),
    }
}

/// Each experiment asked for, in their order, Rust's side then Python's,
/// each measurement said as it comes.
fn measure(
    args: &Args,
    python: Option<&Python>,
    stop: &'static Shutdown,
    out: Out,
) -> Run {
    let mut experiments = args.experiments.clone();
    if experiments.is_empty() {
        experiments = Experiment::all();
    }
    experiments.sort_unstable();
    experiments.dedup();
    let mut plan = args.plan.clone();
    plan.workers.sort_unstable();
    plan.workers.dedup();
    let mut run = Run { records: Vec::new(), failed: false, stopped: false };
    for experiment in experiments {
        out.say("");
        out.say(plan.describe(experiment));
        for language in ["Rust", "Python"] {
            if stop.is_requested() {
                run.stopped = true;
                return run;
            }
            let measured = match (language, python) {
                ("Rust", _) => rust_side::run(experiment, &plan, stop),
                (_, Some(python)) => python.run(experiment, &plan, stop),
                (_, None) => continue,
            };
            match measured {
                Ok(measured) => {
                    for record in measured {
                        out.measurement(language, &record);
                        run.records.push(record);
                    }
                }
                Err(Failure::Stopped) => {
                    run.stopped = true;
                    return run;
                }
                Err(Failure::Error(message)) => {
                    eprintln!("error: {message}");
                    run.failed = true;
                }
            }
        }
    }
    run
}

/// The tables, whether both sides computed the same product, the summary
/// and the warnings; the exit code.
fn report(out: Out, run: &Run, machine: &busy::MachineState) -> i32 {
    let busy_line = busy::busy_line(machine);
    let rows = table::rows(&run.records);
    let agreement = table::agreement(&run.records);
    let summary =
        [course_book::summary::lines(&rows), chapter_5_table::summary(&rows)].concat();
    if let Some(warning) = busy::busy_machine_warning(&run.records) {
        out.warn(warning);
    }
    if !out.json && !rows.is_empty() {
        out.say("");
        out.say("Both sides, same machine, same run (\"Rust faster\": Python's wall time over Rust's):");
        out.say("");
        let tables = [table::tables(&rows), chapter_5_table::tables(&rows)].concat();
        out.say(table::text(&tables));
        out.say("");
        let (Ok(line) | Err(line)) = &agreement;
        out.say(line);
        if !summary.is_empty() {
            out.say("Summary:");
            busy_line
                .iter()
                .chain(&summary)
                .for_each(|line| out.say(format!("  {line}")));
        }
    }
    if run.stopped {
        let n = run.records.len();
        let plural = if n == 1 { "" } else { "s" };
        out.say(format!(
            "stopped by Ctrl-C after {n} measurement{plural}; nothing written"
        ));
        return shutdown::EXIT_INTERRUPTED;
    }
    if let (true, Some(line)) = (out.json || summary.is_empty(), &busy_line) {
        out.warn(line);
    }
    if run.failed || agreement.is_err() { 1 } else { 0 }
}
