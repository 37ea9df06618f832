//! `cargo run -p chapter-04-parallelism -- --help`

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Parser, ValueEnum};
use shared::{cli, machine, report as provenance, shutdown};

use chapter_04_parallelism::algorithm::{self, Algorithm};
use chapter_04_parallelism::call::Call;
use chapter_04_parallelism::hybrid::{self, HybridConfig};
use chapter_04_parallelism::process_pool::PoolError;
use chapter_04_parallelism::sweep::{self, PoolKind, Progress, SweepConfig};
use chapter_04_parallelism::{chart, report, worker};

/// The article's sizes: `python pool.py N` for N = 1, 2, 4, 8 and 20.
const ARTICLE_SIZES: [usize; 5] = [1, 2, 4, 8, 20];

/// Maps 20 CPU-bound calls onto pools of N threads and of N processes, for
/// N = 1, 2, 4, 8, 20, like the article's `multiprocessing.Pool(N).map`, and
/// measures what each N gains; or, with --hybrid, runs an async loop that
/// stays responsive while a pool does the work. Ctrl-C stops it.
#[derive(Debug, Clone, Parser)]
#[command(
    version,
    allow_negative_numbers = true,
    after_help = "Examples:\n  chapter-04-parallelism\n  chapter-04-parallelism 4\n  chapter-04-parallelism --pool processes --workers 1,2,3\n  chapter-04-parallelism --repeat 3 --chart chart.svg --markdown results.md\n  chapter-04-parallelism --hybrid --pool threads"
)]
struct Args {
    /// One pool size, as on the article's command line (N = 1 is added as the baseline).
    #[arg(value_name = "N", value_parser = parse_workers, conflicts_with = "workers")]
    size: Option<usize>,

    /// Pool sizes, comma-separated [default: 1,2,4,8,20; for --hybrid: the core count].
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_workers)]
    workers: Option<Vec<usize>>,

    /// Which kind of pool to run.
    #[arg(long, value_enum, default_value_t = PoolChoice::Both)]
    pool: PoolChoice,

    /// Calls mapped onto each pool.
    #[arg(long, value_name = "COUNT", default_value = "20", value_parser = parse_calls)]
    calls: usize,

    /// Size of each call: the product of the integers below LIMIT.
    #[arg(long, default_value_t = shared::workload::DEFAULT_LIMIT, value_parser = parse_limit)]
    limit: u32,

    /// Runs per pool size; the run with the median time is kept.
    #[arg(long, value_name = "RUNS", default_value = "1", value_parser = parse_repeat)]
    repeat: usize,

    /// Write a bar chart of the sweep (SVG) to PATH.
    #[arg(long, value_name = "PATH", conflicts_with = "hybrid")]
    chart: Option<PathBuf>,

    /// Write the sweep's results as Markdown (for the book) to PATH.
    #[arg(long, value_name = "PATH", conflicts_with = "hybrid")]
    markdown: Option<PathBuf>,

    /// How long a worker process may take to start or to answer one call before it is killed.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    worker_timeout: Duration,

    /// Run the hybrid: a tokio event loop keeps a heartbeat while a pool runs the calls.
    #[arg(long)]
    hybrid: bool,

    /// Compare algorithms: the calls by the loop and by a product tree, on 1 core and on all.
    #[arg(long, conflicts_with_all = ["hybrid", "chart", "markdown", "algorithm"])]
    algorithms: bool,

    /// With --algorithms: write one JSON record per way to PATH.
    #[arg(long, value_name = "PATH", requires = "algorithms")]
    json: Option<PathBuf>,

    /// How each call computes its product (tree and parallel-tree need --pool threads).
    #[arg(long, value_enum, default_value_t = Algorithm::Loop)]
    algorithm: Algorithm,

    /// The hybrid's heartbeat period.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    heartbeat: Duration,
}

/// The pools to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PoolChoice {
    /// Threads first, then processes.
    Both,
    /// A rayon pool of N threads.
    Threads,
    /// N worker processes (this program, re-run).
    Processes,
}

impl PoolChoice {
    fn kinds(self) -> Vec<PoolKind> {
        match self {
            PoolChoice::Both => vec![PoolKind::Threads, PoolKind::Processes],
            PoolChoice::Threads => vec![PoolKind::Threads],
            PoolChoice::Processes => vec![PoolKind::Processes],
        }
    }
}

fn parse_workers(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 256).map(|n| n as usize)
}

fn parse_calls(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 10_000).map(|n| n as usize)
}

fn parse_repeat(text: &str) -> Result<usize, String> {
    cli::parse_count(text, 100).map(|n| n as usize)
}

fn parse_limit(text: &str) -> Result<u32, String> {
    cli::parse_count(text, 400_000).map(|n| n as u32)
}

fn main() {
    // A worker is this same program, started by the pool: it serves calls
    // on stdin and never looks at the command line.
    if worker::is_worker() {
        std::process::exit(worker::serve());
    }
    let args: Args = cli::parse_or_exit();
    let program = match std::env::current_exe() {
        Ok(path) => path,
        Err(err) => {
            fail(&format!("cannot find this program's path to start workers: {err}"))
        }
    };
    machine::warn_if_debug_build();
    if args.algorithm != Algorithm::Loop && args.pool != PoolChoice::Threads {
        fail("--algorithm tree and parallel-tree run on threads: add --pool threads");
    }
    algorithm::choose(args.algorithm);
    let code = if args.algorithms {
        let json = args.json.as_deref();
        algorithm::run_experiment(
            args.calls,
            args.limit,
            machine::cores(),
            json,
            "unknown",
        )
    } else if args.hybrid {
        run_hybrid(&args, program)
    } else {
        run_sweep(&args, program)
    };
    std::process::exit(code);
}

fn run_sweep(args: &Args, program: PathBuf) -> i32 {
    let program_path = program.clone();
    let cores = machine::cores();
    let mut sizes = match (&args.size, &args.workers) {
        (Some(n), _) => vec![*n],
        (None, Some(list)) => list.clone(),
        (None, None) => ARTICLE_SIZES.to_vec(),
    };
    sizes.sort_unstable();
    sizes.dedup();
    let added_baseline = sizes[0] != 1;
    if added_baseline {
        sizes.insert(0, 1);
    }
    let config = SweepConfig {
        workers: sizes.clone(),
        calls: Call::batch(args.calls, args.limit),
        repeat: args.repeat,
        program,
        worker_timeout: args.worker_timeout,
    };
    say(format!(
        "{} calls of product_below({}) on pools of N workers, N = {}; this machine has {cores} cores.",
        args.calls,
        args.limit,
        list(&sizes)
    ));
    if added_baseline {
        say("N = 1 was added: speedups are measured against it.".to_string());
    }
    if args.repeat > 1 {
        say(format!(
            "Each N runs {} times; the run with the median time is kept.",
            args.repeat
        ));
    }

    let kinds = args.pool.kinds();
    let outcome =
        sweep::sweep(&kinds, &config, shutdown::ctrl_c(), |progress| match progress {
            Progress::Starting(kind) => say(format!("\n{}:", kind.description())),
            Progress::Finished(run) => say(report::run_line(run, args.calls)),
        });

    let rows = report::rows(&outcome.runs, args.calls, cores);
    let summary = report::summary(&rows, args.calls, cores, &sizes);
    if !rows.is_empty() {
        say(String::new());
        say(report::results_line(&outcome.runs));
        say(String::new());
        say(report::table(&rows));
        say(format!("Summary ({cores} cores):"));
        summary.iter().for_each(|line| say(format!("  {line}")));
    }

    match outcome.ended_by {
        None => {}
        Some(PoolError::Stopped) => {
            say(format!(
                "stopped by Ctrl-C after {} of {} runs; every worker was stopped",
                outcome.runs.len(),
                kinds.len() * sizes.len()
            ));
            return 0;
        }
        Some(err) => {
            eprintln!("error: {err}");
            return 1;
        }
    }
    if let Some(path) = &args.chart {
        let written =
            chart::write_svg(path, &rows, args.calls, cores, &provenance::provenance());
        if let Err(err) = written {
            eprintln!("error: {err}");
            return 1;
        }
        say(format!("chart written to {}", path.display()));
    }
    if let Some(path) = &args.markdown {
        if let Err(err) = write_markdown(path, args, &rows, &summary) {
            eprintln!("error: cannot write {}: {err}", path.display());
            return 1;
        }
        // The book's page shows the hybrid measured in the same release run.
        let hybrid_args =
            Args { hybrid: true, size: None, workers: None, ..args.clone() };
        let mut hybrid_lines = Vec::new();
        if run_hybrid_into(&hybrid_args, program_path, &mut hybrid_lines) != 0 {
            return 1;
        }
        let hybrid_md = format!(
            "\n### The hybrid, in the same run\n\n```text\n{}\n```\n",
            hybrid_lines.join("\n").trim_end()
        );
        let appended = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(hybrid_md.as_bytes()));
        if let Err(err) = appended {
            eprintln!("error: cannot write {}: {err}", path.display());
            return 1;
        }
        say(format!("results written to {}", path.display()));
    }
    0
}

/// The book's results fragment: provenance, the command, the table, the summary.
fn write_markdown(
    path: &Path,
    args: &Args,
    rows: &[report::Row],
    summary: &[String],
) -> io::Result<()> {
    let command: Vec<String> = std::env::args().skip(1).collect();
    let mut text = format!(
        "{}. {} calls of `product_below({})`, the median of {} run{} per N.\n\n",
        provenance::provenance(),
        args.calls,
        args.limit,
        args.repeat,
        if args.repeat == 1 { "" } else { "s" }
    );
    text.push_str(&format!(
        "Made by `cargo run --release -p chapter-04-parallelism -- {}`.\n\n",
        command.join(" ")
    ));
    if let Some(warning) = report::busy_machine_warning(rows, machine::cores()) {
        eprintln!("{warning}");
        text.push_str(&format!("**{warning}**\n\n"));
    }
    text.push_str(&report::markdown_table(rows));
    text.push('\n');
    for line in summary {
        // An indented summary line is a detail of the line before it.
        match line.strip_prefix("  ") {
            Some(detail) => text.push_str(&format!("  - {detail}\n")),
            None => text.push_str(&format!("- {line}\n")),
        }
    }
    std::fs::write(path, text)
}

fn run_hybrid(args: &Args, program: PathBuf) -> i32 {
    let mut lines = Vec::new();
    let code = run_hybrid_into(args, program, &mut lines);
    lines.into_iter().for_each(say);
    code
}

/// Runs the hybrid on each chosen pool, collecting its output in `out`.
fn run_hybrid_into(args: &Args, program: PathBuf, out: &mut Vec<String>) -> i32 {
    let cores = machine::cores();
    let workers = match (&args.size, &args.workers) {
        (Some(n), _) => *n,
        (None, Some(list)) if list.len() == 1 => list[0],
        (None, Some(_)) => fail("--hybrid runs one pool size: give one N"),
        (None, None) => cores,
    };
    for kind in args.pool.kinds() {
        let config = HybridConfig {
            pool: kind,
            workers,
            calls: Call::batch(args.calls, args.limit),
            heartbeat: args.heartbeat,
            program: program.clone(),
            worker_timeout: args.worker_timeout,
        };
        out.push(format!(
            "Hybrid: a tokio loop on one thread keeps a heartbeat every {} and serves a small request every {},",
            shared::format::duration(args.heartbeat),
            shared::format::duration(args.heartbeat / 4)
        ));
        out.push(format!(
            "while {} calls of product_below({}) run on a pool of {workers} {} ({cores} cores).",
            args.calls,
            args.limit,
            match kind {
                PoolKind::Threads => "rayon threads",
                PoolKind::Processes => "worker processes",
            }
        ));
        let report = match hybrid::run(&config, shutdown::ctrl_c()) {
            Ok(report) => report,
            Err(err) => fail(&format!("cannot start the tokio runtime: {err}")),
        };
        out.extend(report.lines(&config));
        match report.ended_by {
            None => out.push(String::new()),
            Some(PoolError::Stopped) => {
                out.push(format!(
                    "stopped by Ctrl-C: {}/{} calls came back",
                    report.returned(),
                    args.calls
                ));
                return 0;
            }
            Some(err) => {
                eprintln!("error: {err}");
                return 1;
            }
        }
    }
    0
}

fn list(sizes: &[usize]) -> String {
    sizes.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
}

/// One line on stderr and exit 2, for input the parser could not catch.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2);
}

/// Prints a line; a closed stdout (`| head`) is not an error worth a panic.
fn say(line: String) {
    let _ = writeln!(io::stdout(), "{line}");
}
