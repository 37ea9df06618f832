//! What the program prints: a header before each mode, a few lines after it,
//! and a summary table with a line per mode. Every line fits 80 columns, and
//! the verdict word comes early in its line. Every number and word is read
//! off a [`ModeRun`]; nothing here measures.

use std::fmt::Write as _;
use std::time::Duration;

use shared::format;

use crate::config::Config;
use crate::heartbeat;
use crate::io::scale::ScaleReport;
use crate::observe::memory;
use crate::observe::{Kind, Mode, ModeRun};

/// The lines printed before the CPU-bound modes run.
pub fn cpu_intro(config: &Config, cores: usize) -> Vec<String> {
    let each = if config.modes.len() > 1 { " in each mode" } else { "" };
    let mut lines = vec![format!(
        "CPU-bound: {} of product_below({}){each}, on {}.",
        count(config.calls, "call"),
        config.limit,
        count(cores, "core")
    )];
    lines.extend(runs_line(config));
    lines
}

/// The line that says how the modes are run, if there is anything to say.
pub fn runs_line(config: &Config) -> Option<String> {
    let median = format!("the median of {} runs", config.repeat);
    match (config.modes.len() > 1, config.repeat > 1) {
        (false, false) => None,
        (true, false) => Some("The modes run one after another.".to_string()),
        (true, true) => {
            Some(format!("The modes run one after another; each is {median}."))
        }
        (false, true) => Some(format!("Each line is {median}.")),
    }
}

/// The lines printed before a mode runs: what is about to happen.
pub fn header(mode: Mode, kind: Kind, config: &Config, cores: usize) -> Vec<String> {
    let n = config.calls;
    let what = match kind {
        Kind::Cpu => count(n, "call"),
        Kind::Io => count(n, "wait"),
    };
    let threads = count(n, "OS thread");
    let (how, detail) = match (kind, mode) {
        (Kind::Cpu, Mode::Loop) => {
            ("on one event loop, one after another".to_string(), None)
        }
        (Kind::Io, Mode::Loop) => ("as tasks on one event loop".to_string(), None),
        (_, Mode::Threads) => {
            (format!("on {threads} (std::thread::scope), no global lock"), None)
        }
        (Kind::Cpu, Mode::Gil) => (
            format!("on {threads} that must hold one lock to compute"),
            Some(format!(
                "(a model of Python's GIL, switch interval {})",
                format::duration(config.switch_interval)
            )),
        ),
        (Kind::Io, Mode::Gil) => (
            format!("on {threads} under the GIL model"),
            Some("(each releases the lock while it waits)".to_string()),
        ),
        (_, Mode::Tasks) => (
            "as async tasks on a multi-threaded tokio runtime".to_string(),
            Some(format!("({}, one per core)", count(cores, "worker"))),
        ),
    };
    let detail = match (mode, detail) {
        (Mode::Loop, _) => Some("(a tokio current-thread runtime)".to_string()),
        (_, detail) => detail,
    };
    let mut lines = vec![format!("{}: {what} {how}", mode.name())];
    lines.extend(detail.map(|detail| format!("  {detail}")));
    lines
}

/// The lines printed after a mode ran. `baseline` is the loop's wall time
/// for CPU runs (if the loop ran), the sum of the waits for I/O runs.
pub fn mode_lines(run: &ModeRun, baseline: Option<Duration>) -> Vec<String> {
    let m = &run.measurement;
    let mut lines = Vec::new();
    let unit = if run.kind == Kind::Cpu { "call" } else { "job" };
    if run.stopped {
        lines.push(format!(
            "stopped by Ctrl-C: {} of {} finished",
            run.finished.len(),
            count(run.asked, unit)
        ));
    }
    if !run.finished.is_empty() {
        lines.push(if order_is_guaranteed(run.mode, run.kind) {
            "finished in call order:".to_string()
        } else {
            "finished in the scheduler's order (varies from run to run):".to_string()
        });
        // Ten numbers a line: at most 60 columns, whatever the count.
        for ten in run.finished.chunks(10) {
            let ten: Vec<String> = ten.iter().map(usize::to_string).collect();
            lines.push(format!("  {}", ten.join(" ")));
        }
    }
    if let Some(&bits) = run.observed.fingerprints.first() {
        let same = run.observed.fingerprints.iter().all(|&b| b == bits);
        let agree =
            if same { "the same in every call" } else { "NOT the same in every call" };
        lines.push(format!("each product has {bits} bits, {agree}"));
    }
    let mut wall = format!(
        "wall {}, CPU {}",
        format::duration(m.wall),
        format::duration(m.cpu.total())
    );
    if let Some(speedup) = run.speedup(baseline) {
        let against = match run.kind {
            Kind::Cpu => "the loop",
            Kind::Io => "one wait after another",
        };
        let _ = write!(wall, ", speedup {speedup:.2}× against {against}");
    }
    lines.push(wall);
    lines.push(format!(
        "used {:.2} of {} (~{:.0} % of the machine)",
        m.cores_used(),
        count(m.cores, "core"),
        m.share_of_machine() * 100.0
    ));
    lines.extend(verdict_lines(run));
    if let Some(late) = run.observed.heartbeat_late {
        let place = if run.mode == Mode::Loop { "loop" } else { "runtime" };
        lines.push(format!(
            "heartbeat: up to {} late (due every {}, on the same {place})",
            format::duration(late),
            format::duration(heartbeat::PERIOD)
        ));
    }
    lines.into_iter().map(|line| format!("  {line}")).collect()
}

/// Only the loop guarantees an order: it runs the CPU calls one after
/// another. Threads and tasks finish in whatever order the scheduler gives.
pub fn order_is_guaranteed(mode: Mode, kind: Kind) -> bool {
    mode == Mode::Loop && kind == Kind::Cpu
}

/// The verdict, first, with what it was read from.
fn verdict_lines(run: &ModeRun) -> Vec<String> {
    let most = run.most_at_once;
    let verdict = run.verdict();
    match (run.kind, run.mode) {
        (Kind::Cpu, Mode::Gil) => vec![
            format!(
                "{verdict}: at most {} held the lock at a time",
                count(most, "thread")
            ),
            format!(
                "the lock changed hands {} times on request",
                run.observed.forced_switches.unwrap_or(0)
            ),
        ],
        (Kind::Cpu, _) if most <= 1 => {
            vec![format!("{verdict}: at most {most} call computing at a time")]
        }
        (Kind::Cpu, _) => vec![format!(
            "{verdict}: up to {most} calls in progress at once, {} to run them",
            count(run.measurement.cores, "core")
        )],
        (Kind::Io, _) => {
            vec![format!(
                "{verdict}: up to {} waiting at the same time",
                count(most, "job")
            )]
        }
    }
}

// ANCHOR: sentence
/// Why a mode got its verdict, in a few words.
pub fn why(mode: Mode, kind: Kind) -> &'static str {
    match (kind, mode) {
        (Kind::Cpu, Mode::Loop) => {
            "one call at a time; the heartbeat waited between calls"
        }
        (Kind::Cpu, Mode::Threads) => {
            "the threads ran at once, as many as there are cores"
        }
        (Kind::Cpu, Mode::Gil) => {
            "one lock let one thread compute at a time, as the GIL does"
        }
        (Kind::Cpu, Mode::Tasks) => {
            "a task per worker; the heartbeat waited for the queue"
        }
        (Kind::Io, Mode::Loop) => "all the waits overlapped on one thread",
        (Kind::Io, Mode::Threads) => "one thread per wait, each blocked",
        (Kind::Io, Mode::Gil) => "the lock is released while waiting",
        (Kind::Io, Mode::Tasks) => "waits need no worker while they wait",
    }
}
// ANCHOR_END: sentence

/// The summary printed after all modes: a table (verdict second) and a line
/// per mode that says why.
pub fn summary(title: &str, runs: &[ModeRun], baseline: Option<Duration>) -> Vec<String> {
    let rows: Vec<[String; 6]> =
        runs.iter().map(|run| table_row(run, baseline)).collect();
    let widths: Vec<usize> = (0..TABLE_HEAD.len())
        .map(|i| {
            let cells = rows.iter().map(|row| row[i].chars().count());
            cells.max().unwrap_or(0).max(TABLE_HEAD[i].len())
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> =
            cells.iter().zip(&widths).map(|(cell, &w)| format!("{cell:<w$}")).collect();
        format!("  {}", padded.join("  ").trim_end())
    };
    let mut lines = vec![title.to_string(), line(&TABLE_HEAD.map(String::from))];
    lines.extend(rows.iter().map(|row| line(row)));
    lines.extend(
        runs.iter()
            .map(|run| format!("- {}: {}", run.mode.name(), why(run.mode, run.kind))),
    );
    lines
}

const TABLE_HEAD: [&str; 6] = ["mode", "verdict", "wall", "CPU", "cores used", "speedup"];

fn table_row(run: &ModeRun, baseline: Option<Duration>) -> [String; 6] {
    let m = &run.measurement;
    [
        run.mode.name().to_string(),
        if run.stopped { "stopped".to_string() } else { run.verdict().to_string() },
        format::duration(m.wall),
        format::duration(m.cpu.total()),
        format!("{:.2} of {}", m.cores_used(), count(m.cores, "core")),
        run.speedup(baseline).map_or("-".to_string(), |s| format!("{s:.2}×")),
    ]
}

/// The lines printed after the scale-up: one per kind, then the comparison.
pub fn scale_lines(reports: &[ScaleReport]) -> Vec<String> {
    let mut lines = Vec::new();
    for report in reports {
        let mut line = format!(
            "{}: {} started in {} ({} each)",
            report.kind,
            report.started,
            format::duration(report.startup),
            format::duration(report.startup_each())
        );
        match (report.growth, report.resident_each()) {
            (Some(growth), Some(each)) => {
                let _ = write!(
                    line,
                    "; resident memory +{} ({} each), address space +{}",
                    memory::bytes(growth.resident as f64),
                    memory::bytes(each),
                    memory::bytes(growth.mapped as f64)
                );
            }
            _ => line.push_str("; memory unknown (no /proc on this system)"),
        }
        let _ = write!(
            line,
            "; all done {} after the start signal",
            format::duration(report.all_done)
        );
        lines.push(line);
        if let Some(reason) = &report.refused {
            lines.push(format!(
                "{}: the OS refused thread {}: {reason}",
                report.kind,
                report.started + 1
            ));
        }
    }
    if let [threads, tasks] = reports {
        lines.push(comparison(threads, tasks));
    }
    lines
}

// ANCHOR: comparison
/// "per job, a task started 120× faster than a thread and held 16× less
/// memory", with the words turned round if a thread came out cheaper.
fn comparison(threads: &ScaleReport, tasks: &ScaleReport) -> String {
    let ratio =
        |thread: f64, task: f64| if task > 0.0 { Some(thread / task) } else { None };
    let startup =
        ratio(threads.startup_each().as_secs_f64(), tasks.startup_each().as_secs_f64());
    let memory = match (threads.resident_each(), tasks.resident_each()) {
        (Some(thread), Some(task)) => ratio(thread, task),
        _ => None,
    };
    let startup = match startup {
        Some(r) if r >= 1.0 => format!("a task started {r:.0}× faster than a thread"),
        Some(r) => format!("a thread started {:.1}× faster than a task", 1.0 / r),
        None => "a task started too fast to measure".to_string(),
    };
    let memory = match memory {
        Some(r) if r >= 1.0 => format!("held {r:.0}× less memory"),
        Some(r) => format!("held {:.1}× more memory", 1.0 / r),
        None => "held too little memory to measure".to_string(),
    };
    format!("per job, {startup} and {memory}")
}
// ANCHOR_END: comparison

/// `1 call`, `20 calls`.
fn count(n: usize, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}
