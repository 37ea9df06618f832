//! Part 1's lines: a header before each place, a few lines after it, and a
//! summary table with a line per place, read off each [`PlaceRun`].

use std::fmt::Write as _;
use std::time::Duration;

use shared::format;

use crate::config::Config;
use crate::observe::verdict::Verdict;
use crate::observe::{Place, PlaceRun};
use crate::ticker;

use super::count;

/// The lines printed before the CPU-bound places run.
pub fn cpu_intro(config: &Config, cores: usize) -> Vec<String> {
    let each = if config.places().len() > 1 { " in each place" } else { "" };
    let mut lines = vec![format!(
        "CPU-bound: {} of product_below({}){each}, on {}.",
        count(config.calls, "call"),
        config.limit,
        count(cores, "core")
    )];
    lines.extend(runs_line(config));
    lines
}

/// The line that says how the places are run, if there is anything to say.
pub fn runs_line(config: &Config) -> Option<String> {
    let median = format!("the median of {} runs", config.repeat);
    match (config.places().len() > 1, config.repeat > 1) {
        (false, false) => None,
        (true, false) => Some("The places run one after another.".to_string()),
        (true, true) => {
            Some(format!("The places run one after another; each is {median}."))
        }
        (false, true) => Some(format!("Each line is {median}.")),
    }
}

/// The lines printed before a place runs: what is about to happen.
pub fn header(place: Place, config: &Config) -> Vec<String> {
    let threads = count(config.calls, "OS thread");
    let (how, detail) = match place {
        Place::Loop => (
            "on one event loop, one after another".to_string(),
            Some("(a tokio current-thread runtime)".to_string()),
        ),
        Place::Threads => {
            (format!("on {threads} (std::thread::scope), no global lock"), None)
        }
        Place::Gil => (
            format!("on {threads} that must hold one lock to compute"),
            Some(format!(
                "(a model of Python's GIL, switch interval {})",
                format::duration(config.switch_interval)
            )),
        ),
        Place::Tasks => {
            ("as async tasks on a multi-threaded tokio runtime".to_string(), None)
        }
    };
    let mut lines =
        vec![format!("{}: {} {how}", place.name(), count(config.calls, "call"))];
    lines.extend(detail.map(|detail| format!("  {detail}")));
    lines
}

/// The lines printed after a place ran. `baseline` is the loop's wall time,
/// if the loop ran.
pub fn place_lines(run: &PlaceRun, baseline: Option<Duration>) -> Vec<String> {
    let m = &run.measurement;
    let mut lines = Vec::new();
    if let Some(workers) = run.observed.workers {
        lines.push(workers_line(workers, m.cores));
    }
    if run.stopped {
        lines.push(format!(
            "cut short: {} of {} finished",
            run.finished.len(),
            count(run.asked, "call")
        ));
    }
    if !run.finished.is_empty() {
        lines.push(if run.place == Place::Loop {
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
    if let Some(late) = run.observed.lateness() {
        let on = if run.place == Place::Loop { "loop" } else { "runtime" };
        lines.push(format!(
            "ticker: lateness up to {} (a tick every {}, on the same {on})",
            format::duration(late.worst),
            format::duration(ticker::PERIOD)
        ));
    }
    lines.into_iter().map(|line| format!("  {line}")).collect()
}

/// The runtime's worker count, as the runtime reports it, against the cores.
pub fn workers_line(workers: usize, cores: usize) -> String {
    let per = if workers == cores {
        ", one per core".to_string()
    } else {
        format!(" for {}", count(cores, "core"))
    };
    format!("ran on {}{per}", count(workers, "worker"))
}

/// The verdict, first, with what it was read from.
fn verdict_lines(run: &PlaceRun) -> Vec<String> {
    let most = run.most_at_once;
    let verdict = run.verdict();
    match run.place {
        Place::Gil => vec![
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
/// Why a place got its verdict, in a few words: chosen by the verdict the
/// run measured, then by the place, and by whether its ticker was late
/// ([`shared::ticker::Lateness`]).
pub fn why(place: Place, verdict: Verdict, ticker_late: bool) -> &'static str {
    match (verdict, place, ticker_late) {
        (Verdict::Serialised, Place::Loop, true) => {
            "one call at a time; the ticker waited between calls"
        }
        (Verdict::Serialised, Place::Gil, _) => {
            "one lock let one thread compute at a time, as the GIL does"
        }
        (Verdict::Serialised, _, _) => "one call computing at a time",
        (Verdict::Parallel, Place::Tasks, true) => {
            "a task per worker, in parallel; the ticker waited for the queue"
        }
        (Verdict::Parallel, _, _) => "the calls computed at once, on several cores",
        (Verdict::TimeSliced, _, _) => {
            "the calls were in progress at once but took turns on one core"
        }
        (Verdict::Concurrent, _, _) => "the waits overlapped; waiting takes no core",
    }
}
// ANCHOR_END: sentence

/// The summary printed after all places: a table (verdict second) and a line
/// per place that says why.
pub fn summary(
    title: &str,
    runs: &[PlaceRun],
    baseline: Option<Duration>,
) -> Vec<String> {
    let mut lines = table(title, runs, baseline);
    lines.extend(
        runs.iter()
            .filter(|run| !run.stopped)
            .map(|run| format!("- {}: {}", run.place.name(), sentence(run))),
    );
    lines
}

/// The summary's line for one run.
fn sentence(run: &PlaceRun) -> &'static str {
    let ticker_late = run.observed.lateness().is_some_and(|late| !late.on_time());
    why(run.place, run.verdict(), ticker_late)
}

/// The summary's table, a row per place; the I/O experiment prints it too.
pub fn table(title: &str, runs: &[PlaceRun], baseline: Option<Duration>) -> Vec<String> {
    let mut table = vec![TABLE_HEAD.map(String::from)];
    table.extend(runs.iter().map(|run| table_row(run, baseline)));
    let mut lines = vec![title.to_string()];
    lines.extend(format::table(&table));
    lines
}

const TABLE_HEAD: [&str; 6] =
    ["place", "verdict", "wall", "CPU", "cores used", "speedup"];

fn table_row(run: &PlaceRun, baseline: Option<Duration>) -> [String; 6] {
    let m = &run.measurement;
    [
        run.place.name().to_string(),
        if run.stopped { "stopped".to_string() } else { run.verdict().to_string() },
        format::duration(m.wall),
        format::duration(m.cpu.total()),
        format!("{:.2} of {}", m.cores_used(), count(m.cores, "core")),
        run.speedup(baseline).map_or("-".to_string(), |s| format!("{s:.2}×")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worker count is the runtime's own: one more worker than cores
    /// (exercise 3) is printed as such, not as the core count.
    #[test]
    fn workers_line_prints_the_real_worker_count() {
        assert_eq!(workers_line(2, 2), "ran on 2 workers, one per core");
        assert_eq!(workers_line(3, 2), "ran on 3 workers for 2 cores");
        assert_eq!(workers_line(1, 1), "ran on 1 worker, one per core");
    }
}
