//! What the program prints: a header before each mode, a few lines after it,
//! a summary table with a sentence per mode, and the same as Markdown for the
//! book. Every word of a verdict is computed from a [`ModeReport`].

use std::fmt::Write as _;
use std::time::Duration;

use shared::format;

use crate::heartbeat;
use crate::io::scale::ScaleReport;
use crate::memory;
use crate::modes::{Kind, Mode, ModeReport};

/// What a run was about, for headers and the summary.
#[derive(Debug, Clone, Copy)]
pub struct Setup {
    /// Jobs per mode.
    pub jobs: usize,
    /// The workload's limit (CPU calls).
    pub limit: u32,
    /// Each I/O job's wait.
    pub wait: Duration,
    /// The GIL model's switch interval.
    pub switch_interval: Duration,
    /// Runs per mode (the median is kept).
    pub repeat: usize,
}

/// The line printed before a mode runs: what is about to happen.
pub fn header(mode: Mode, kind: Kind, setup: &Setup, cores: usize) -> String {
    let n = setup.jobs;
    let what = match kind {
        Kind::Cpu => format!("{n} call{}", plural(n)),
        Kind::Io => format!("{n} wait{}", plural(n)),
    };
    let how = match (kind, mode) {
        (Kind::Cpu, Mode::Loop) => {
            "on one event loop (a tokio current-thread runtime), one after another"
                .to_string()
        }
        (Kind::Io, Mode::Loop) => {
            "as tasks on one event loop (a tokio current-thread runtime)".to_string()
        }
        (_, Mode::Threads) => {
            format!("on {n} OS thread{} (std::thread::scope), no global lock", plural(n))
        }
        (Kind::Cpu, Mode::Gil) => format!(
            "on {n} OS thread{} that must hold one global lock to compute (a model of Python's GIL, switch interval {})",
            plural(n),
            format::duration(setup.switch_interval)
        ),
        (Kind::Io, Mode::Gil) => format!(
            "on {n} OS thread{} under the GIL model, each releasing the lock while it waits",
            plural(n)
        ),
        (_, Mode::Tasks) => format!(
            "as async tasks on a multi-threaded tokio runtime ({cores} worker{}, one per core)",
            plural(cores)
        ),
    };
    format!("{}: {what} {how}", mode.name())
}

/// The lines printed after a mode ran. `baseline` is the loop's wall time
/// for CPU runs (if the loop ran), the sum of the waits for I/O runs.
pub fn mode_lines(report: &ModeReport, baseline: Option<Duration>) -> Vec<String> {
    let m = &report.measurement;
    let mut lines = Vec::new();
    let job = if report.kind == Kind::Cpu { "call" } else { "job" };
    if report.stopped {
        lines.push(format!(
            "stopped by Ctrl-C: {} of {} {job}s finished",
            report.finished.len(),
            report.asked
        ));
    }
    let order: Vec<String> = report.finished.iter().map(usize::to_string).collect();
    if !order.is_empty() {
        if order_is_guaranteed(report.mode, report.kind) {
            lines.push(format!("finished in call order: {}", order.join(" ")));
        } else {
            lines.push(format!(
                "finished in the scheduler's order (it varies from run to run): {}",
                order.join(" ")
            ));
        }
    }
    if let Some(&bits) = report.outcome.fingerprints.first() {
        let same = report.outcome.fingerprints.iter().all(|&b| b == bits);
        let agree =
            if same { "the same in every call" } else { "NOT the same in every call" };
        lines.push(format!("each product has {bits} bits, {agree}"));
    }
    let mut cost = format!(
        "wall {}, CPU {}: used {:.2} of {} (~{:.0} % of the machine)",
        format::duration(m.wall),
        format::duration(m.cpu.total()),
        m.cores_used(),
        cores(m.cores),
        m.share_of_machine() * 100.0
    );
    if let Some(speedup) = speedup(report, baseline) {
        let against = match report.kind {
            Kind::Cpu => "against the loop".to_string(),
            Kind::Io => format!(
                "against waiting one after another ({})",
                format::duration(baseline.unwrap_or_default())
            ),
        };
        let _ = write!(cost, "; speedup {speedup:.2}× {against}");
    }
    lines.push(cost);
    lines.push(overlap_line(report));
    if let Some(late) = report.outcome.heartbeat_late {
        let place = if report.mode == Mode::Loop { "loop" } else { "runtime" };
        lines.push(format!(
            "a heartbeat due every {} on the same {place} ran up to {} late",
            format::duration(heartbeat::PERIOD),
            format::duration(late)
        ));
    }
    lines
}

/// Only the loop guarantees an order: it runs the CPU calls one after
/// another. Threads and tasks finish in whatever order the scheduler gives.
pub fn order_is_guaranteed(mode: Mode, kind: Kind) -> bool {
    mode == Mode::Loop && kind == Kind::Cpu
}

fn overlap_line(report: &ModeReport) -> String {
    let most = report.most_at_once;
    let verdict = report.verdict();
    match (report.kind, report.mode) {
        (Kind::Cpu, Mode::Gil) => format!(
            "the lock changed hands {} times on request; at most {most} thread{} held it at a time: {verdict}",
            report.outcome.forced_switches.unwrap_or(0),
            plural(most)
        ),
        (Kind::Cpu, _) if most <= 1 => {
            format!("at most {most} call computing at a time: {verdict}")
        }
        (Kind::Cpu, _) => format!(
            "up to {most} calls in progress at the same time, {} to run them: {verdict}",
            cores(report.measurement.cores)
        ),
        (Kind::Io, _) => format!(
            "up to {most} job{} waiting at the same time: {verdict}",
            plural(most)
        ),
    }
}

fn speedup(report: &ModeReport, baseline: Option<Duration>) -> Option<f64> {
    let baseline = baseline?;
    let wall = report.measurement.wall.as_secs_f64();
    (wall > 0.0 && !report.stopped).then(|| baseline.as_secs_f64() / wall)
}

/// The baseline speedups are measured against: the loop's wall time for CPU
/// runs, the sum of the waits for I/O runs.
pub fn baseline(kind: Kind, reports: &[ModeReport], setup: &Setup) -> Option<Duration> {
    match kind {
        Kind::Cpu => reports
            .iter()
            .find(|r| r.kind == Kind::Cpu && r.mode == Mode::Loop && !r.stopped)
            .map(|r| r.measurement.wall),
        Kind::Io => Some(setup.wait * setup.jobs as u32),
    }
}

// ANCHOR: sentence
/// One sentence per mode, computed from its numbers.
pub fn sentence(report: &ModeReport, baseline: Option<Duration>) -> String {
    let m = &report.measurement;
    let mut text = format!(
        "{}: {}: used {:.2} of {}",
        report.mode.name(),
        report.verdict(),
        m.cores_used(),
        cores(m.cores)
    );
    if let Some(speedup) = speedup(report, baseline) {
        let _ = write!(text, ", speedup {speedup:.2}×");
    }
    let why = match (report.kind, report.mode) {
        (Kind::Cpu, Mode::Loop) => format!(
            "one call at a time, on one thread, and the heartbeat on the same loop ran up to {} late",
            format::duration(report.outcome.heartbeat_late.unwrap_or_default())
        ),
        (Kind::Cpu, Mode::Threads) => "the threads ran at the same time, as many as there are cores".to_string(),
        (Kind::Cpu, Mode::Gil) => {
            "one lock let one thread compute at a time, which is what Python's GIL did to the article's threads"
                .to_string()
        }
        (Kind::Cpu, Mode::Tasks) => format!(
            "one task per worker at a time, and the heartbeat on the same runtime ran up to {} late",
            format::duration(report.outcome.heartbeat_late.unwrap_or_default())
        ),
        (Kind::Io, Mode::Loop) => "all the waits overlapped on one thread".to_string(),
        (Kind::Io, Mode::Threads) => "one thread per wait, each blocked".to_string(),
        (Kind::Io, Mode::Gil) => "the lock is released while waiting, so the GIL does not serialise I/O".to_string(),
        (Kind::Io, Mode::Tasks) => "waits need no worker while they wait".to_string(),
    };
    format!("{text}; {why}.")
}
// ANCHOR_END: sentence

/// The summary printed after all modes: a table and one sentence per mode.
pub fn summary(
    title: &str,
    reports: &[ModeReport],
    baseline: Option<Duration>,
) -> Vec<String> {
    let mut lines = vec![title.to_string()];
    let rows = table_rows(reports, baseline);
    let widths: Vec<usize> = (0..TABLE_HEAD.len())
        .map(|i| {
            rows.iter()
                .map(|row| row[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(TABLE_HEAD[i].len())
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> =
            cells.iter().zip(&widths).map(|(cell, &w)| format!("{cell:<w$}")).collect();
        format!("  {}", padded.join("  ").trim_end())
    };
    lines.push(line(&TABLE_HEAD.map(String::from)));
    lines.extend(rows.iter().map(|row| line(row)));
    lines
        .extend(reports.iter().map(|report| format!("- {}", sentence(report, baseline))));
    lines
}

const TABLE_HEAD: [&str; 7] =
    ["mode", "wall", "CPU", "cores used", "of machine", "speedup", "verdict"];

fn table_rows(reports: &[ModeReport], baseline: Option<Duration>) -> Vec<[String; 7]> {
    reports
        .iter()
        .map(|report| {
            let m = &report.measurement;
            [
                report.mode.name().to_string(),
                format::duration(m.wall),
                format::duration(m.cpu.total()),
                format!("{:.2} of {}", m.cores_used(), cores(m.cores)),
                format!("{:.0} %", m.share_of_machine() * 100.0),
                speedup(report, baseline).map_or("-".to_string(), |s| format!("{s:.2}×")),
                if report.stopped {
                    "stopped".to_string()
                } else {
                    report.verdict().to_string()
                },
            ]
        })
        .collect()
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

/// The results fragment for the book: provenance, command, and a table per
/// experiment that ran.
pub fn markdown(
    command: &str,
    setup: &Setup,
    cpu: &[ModeReport],
    io: &[ModeReport],
    scale: &[ScaleReport],
) -> String {
    let mut md = String::new();
    let runs = if setup.repeat > 1 {
        format!(", median of {} runs per mode", setup.repeat)
    } else {
        String::new()
    };
    let _ = writeln!(md, "Measured on {}{runs}, with:\n", shared::report::provenance());
    let _ = writeln!(md, "```text\n{command}\n```\n");
    for (reports, kind) in [(cpu, Kind::Cpu), (io, Kind::Io)] {
        if reports.is_empty() {
            continue;
        }
        let baseline = baseline(kind, reports, setup);
        let title = match kind {
            Kind::Cpu => format!(
                "**CPU-bound:** {} calls of `product_below({})`; speedup against the loop.",
                setup.jobs, setup.limit
            ),
            Kind::Io => format!(
                "**I/O-bound:** {} jobs that each wait {}; speedup against waiting one after another.",
                setup.jobs,
                format::duration(setup.wait)
            ),
        };
        let _ = writeln!(md, "{title}\n");
        let _ = writeln!(md, "| {} |", TABLE_HEAD.join(" | "));
        let _ = writeln!(md, "|{}", "---|".repeat(TABLE_HEAD.len()));
        for row in table_rows(reports, baseline) {
            let _ = writeln!(md, "| {} |", row.join(" | "));
        }
        md.push('\n');
        for report in reports {
            let _ = writeln!(md, "- {}", sentence(report, baseline));
        }
        md.push('\n');
    }
    if !scale.is_empty() {
        let _ = writeln!(
            md,
            "**Scaled up:** {} jobs that each wait {}.\n",
            scale[0].asked,
            format::duration(setup.wait)
        );
        let _ = writeln!(
            md,
            "| kind | started | start-up | per job | resident memory | per job | address space | all done |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|---|---|---|");
        for r in scale {
            let (resident, each, mapped) = match (r.growth, r.resident_each()) {
                (Some(g), Some(each)) => (
                    memory::bytes(g.resident as f64),
                    memory::bytes(each),
                    memory::bytes(g.mapped as f64),
                ),
                _ => ("unknown".into(), "unknown".into(), "unknown".into()),
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {resident} | {each} | {mapped} | {} |",
                r.kind,
                r.started,
                format::duration(r.startup),
                format::duration(r.startup_each()),
                format::duration(r.all_done)
            );
        }
        if let [threads, tasks] = scale {
            let _ = writeln!(md, "\n{}.", comparison(threads, tasks));
        }
    }
    md
}

fn cores(n: usize) -> String {
    format!("{n} core{}", plural(n))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
