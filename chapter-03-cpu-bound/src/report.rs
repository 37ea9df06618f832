//! What the program prints: a header before each mode, a few lines after it,
//! and a summary table with a line per mode. Every line fits 80 columns, and
//! the verdict word comes early in its line. Every number and word is read
//! off a [`ModeRun`]; nothing here measures.

use std::fmt::Write as _;
use std::time::Duration;

use shared::format;

use crate::config::Config;
use crate::heartbeat;
use crate::observe::{Mode, ModeRun};

/// The lines printed before the CPU-bound modes run.
pub fn cpu_intro(config: &Config, cores: usize) -> Vec<String> {
    let each = if config.modes().len() > 1 { " in each mode" } else { "" };
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
    match (config.modes().len() > 1, config.repeat > 1) {
        (false, false) => None,
        (true, false) => Some("The modes run one after another.".to_string()),
        (true, true) => {
            Some(format!("The modes run one after another; each is {median}."))
        }
        (false, true) => Some(format!("Each line is {median}.")),
    }
}

/// The lines printed before a mode runs: what is about to happen.
pub fn header(mode: Mode, config: &Config, cores: usize) -> Vec<String> {
    let threads = count(config.calls, "OS thread");
    let (how, detail) = match mode {
        Mode::Loop => (
            "on one event loop, one after another".to_string(),
            Some("(a tokio current-thread runtime)".to_string()),
        ),
        Mode::Threads => {
            (format!("on {threads} (std::thread::scope), no global lock"), None)
        }
        Mode::Gil => (
            format!("on {threads} that must hold one lock to compute"),
            Some(format!(
                "(a model of Python's GIL, switch interval {})",
                format::duration(config.switch_interval)
            )),
        ),
        Mode::Tasks => (
            "as async tasks on a multi-threaded tokio runtime".to_string(),
            Some(format!("({}, one per core)", count(cores, "worker"))),
        ),
    };
    let mut lines =
        vec![format!("{}: {} {how}", mode.name(), count(config.calls, "call"))];
    lines.extend(detail.map(|detail| format!("  {detail}")));
    lines
}

/// The lines printed after a mode ran. `baseline` is the loop's wall time,
/// if the loop ran.
pub fn mode_lines(run: &ModeRun, baseline: Option<Duration>) -> Vec<String> {
    let m = &run.measurement;
    let mut lines = Vec::new();
    if run.stopped {
        lines.push(format!(
            "cut short: {} of {} finished",
            run.finished.len(),
            count(run.asked, "call")
        ));
    }
    if !run.finished.is_empty() {
        lines.push(if run.mode == Mode::Loop {
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
        let _ = write!(wall, ", speedup {speedup:.2}× against the loop");
    }
    lines.push(wall);
    lines.push(format!(
        "used {:.2} of {} (~{:.0} % of the machine)",
        m.cores_used(),
        count(m.cores, "core"),
        m.share_of_machine() * 100.0
    ));
    lines.extend(verdict_lines(run));
    if let Some(late) = run.observed.heartbeat_late() {
        let place = if run.mode == Mode::Loop { "loop" } else { "runtime" };
        lines.push(format!(
            "heartbeat: up to {} late (due every {}, on the same {place})",
            format::duration(late),
            format::duration(heartbeat::PERIOD)
        ));
    }
    lines.into_iter().map(|line| format!("  {line}")).collect()
}

/// The verdict, first, with what it was read from.
fn verdict_lines(run: &ModeRun) -> Vec<String> {
    let most = run.most_at_once;
    let verdict = run.verdict();
    match run.mode {
        Mode::Gil => vec![
            format!(
                "{verdict}: at most {} held the lock at a time",
                count(most, "thread")
            ),
            format!(
                "the lock changed hands {} times on request",
                run.observed.forced_switches.unwrap_or(0)
            ),
        ],
        _ if most <= 1 => {
            vec![format!("{verdict}: at most {most} call computing at a time")]
        }
        _ => vec![format!(
            "{verdict}: up to {most} calls in progress at once, {} to run them",
            count(run.measurement.cores, "core")
        )],
    }
}

// ANCHOR: sentence
/// Why a mode got its verdict, in a few words.
pub fn why(mode: Mode) -> &'static str {
    match mode {
        Mode::Loop => "one call at a time; the heartbeat waited between calls",
        Mode::Threads => "the threads ran at once, as many as there are cores",
        Mode::Gil => "one lock let one thread compute at a time, as the GIL does",
        Mode::Tasks => "a task per worker; the heartbeat waited for the queue",
    }
}
// ANCHOR_END: sentence

/// The summary printed after all modes: a table (verdict second) and a line
/// per mode that says why.
pub fn summary(title: &str, runs: &[ModeRun], baseline: Option<Duration>) -> Vec<String> {
    let mut lines = table(title, runs, baseline);
    lines.extend(
        runs.iter().map(|run| format!("- {}: {}", run.mode.name(), why(run.mode))),
    );
    lines
}

/// The summary's table, a row per mode; the I/O experiment prints it too.
pub fn table(title: &str, runs: &[ModeRun], baseline: Option<Duration>) -> Vec<String> {
    let mut table = vec![TABLE_HEAD.map(String::from)];
    table.extend(runs.iter().map(|run| table_row(run, baseline)));
    let mut lines = vec![title.to_string()];
    lines.extend(format::table(&table));
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

/// `1 call`, `20 calls`.
fn count(n: usize, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}
