//! Part 2's lines: the four places against the slow service, summed up in
//! part 1's table ([`super::cpu::table`]); the scale-up and the files, a
//! table each.

use std::iter::once;
use std::time::Duration;

use shared::format::{bytes, duration, table};

use super::count;
use crate::net::files::{FILE_SIZE, FilesMode};
use crate::net::limits::CLIENTS_PER_SOURCE;
use crate::net::scale::THREAD_STACK;
use crate::net::service::BACKLOG_ASKED;
use crate::observe::io::{CallsRun, FilesRun, ScaleRun};
use crate::observe::verdict::Verdict;
use crate::observe::{self, PlaceRun};

/// The four places' table (verdict, wall time, CPU time, cores used), what
/// failed, and what every place did with its waits.
pub fn calls(runs: &[CallsRun], clients: usize, wait: Duration) -> Vec<String> {
    let wait = duration(wait);
    let title = format!(
        "I/O on real sockets: {clients} clients, one request each, to a slow service\n\
         on 127.0.0.1 (a child process) that answers after {wait}; loop and tasks\n\
         run each client as a task, threads and gil on an OS thread of its own:"
    );
    let measured: Vec<PlaceRun> = runs.iter().map(|run| run.measured.clone()).collect();
    let baseline = observe::loop_wall(&measured);
    let mut lines = super::cpu::table(&title, &measured, baseline);
    for run in runs {
        if let Some((client, why)) = run.failed.first() {
            let (place, failed) = (run.measured.place.name(), run.failed.len());
            lines.push(format!(
                "FAILED {place}: {failed} of {clients}; client {client}: {why}"
            ));
        }
    }
    if measured.len() == 4 && measured.iter().all(|m| m.verdict() == Verdict::Concurrent)
    {
        lines.push(
            "- every place overlapped its waits, the GIL model too: the lock is\n  \
             let go around each blocking socket call"
                .to_string(),
        );
    }
    lines
}

/// The scale-up's first lines: how many connections, and what caps them.
pub fn scale_intro(n: usize, asked: usize, open_files: u64, backlog: u32) -> Vec<String> {
    let mut lines = vec![String::new()];
    if n < asked {
        lines.push(format!(
            "note: {open_files} open files allowed (hard limit): {n} connections fit"
        ));
    }
    let sources = n.div_ceil(CLIENTS_PER_SOURCE).max(1);
    lines.push(format!(
        "Scale-up: {n} connections open at once, then one request each.\n  \
         listen backlog {backlog} (asked {BACKLOG_ASKED}, capped by net.core.somaxconn)\n  \
         each thread gets a {} stack\n  \
         from {} (127.0.0.1 and up, {CLIENTS_PER_SOURCE} clients each at most)",
        bytes(THREAD_STACK as f64),
        count(sources, "source address"),
    ));
    lines
}

/// The scale-up's table, what failed, and the comparison.
pub fn scale(runs: &[ScaleRun], n: usize) -> Vec<String> {
    // A row per fact, a column per kind.
    let rows = SCALE_FACTS.map(|(fact, cell)| {
        once(fact.to_string()).chain(runs.iter().map(cell)).collect::<Vec<_>>()
    });
    let mut lines = table(&rows);
    for run in runs {
        if let Some(why) = &run.first_failure {
            lines.push(format!(
                "FAILED {}: {} of {n}; the first: {why}",
                run.kind, run.failed
            ));
        }
        if let Some(why) = &run.refused {
            lines.push(format!("note: the OS refused thread {}: {why}", run.started + 1));
        }
    }
    if let [tasks, threads] = runs {
        lines.extend(comparison(tasks, threads));
    }
    lines
}

/// A row of the scale-up's table: the fact, and its cell for one kind.
type Fact = (&'static str, fn(&ScaleRun) -> String);

/// The scale-up's table, a row per fact (the first: the heading).
const SCALE_FACTS: [Fact; 9] = [
    ("", |run| run.kind.to_string()),
    ("connected", |run| run.started.to_string()),
    ("start-up, each", |run| duration(run.startup_each())),
    ("resident memory, each", |run| run.resident_each().map_or("-".into(), bytes)),
    ("answered", |run| run.answered.to_string()),
    ("last answer after the gate", |run| duration(run.all_answered)),
    ("failed", |run| run.failed.to_string()),
    ("slow connects (a second or more)", |run| run.slow_connects.to_string()),
    ("slowest connect", |run| duration(run.slowest_connect)),
];

/// "a task started 5.4× faster than a thread, per connection," and "held
/// 6.4× less resident memory", turned round if a thread came out cheaper.
fn comparison(tasks: &ScaleRun, threads: &ScaleRun) -> [String; 2] {
    let times = |thread: f64, task: f64| (task > 0.0).then(|| thread / task);
    let (thread, task) = (threads.startup_each(), tasks.startup_each());
    let startup = match times(thread.as_secs_f64(), task.as_secs_f64()) {
        Some(r) if r >= 1.0 => format!("a task started {r:.1}× faster than a thread"),
        Some(r) => format!("a thread started {:.1}× faster than a task", 1.0 / r),
        None => "a task started too fast to measure".to_string(),
    };
    let (thread, task) = (threads.resident_each(), tasks.resident_each());
    let memory = match times(thread.unwrap_or(0.0), task.unwrap_or(0.0)) {
        Some(r) if r >= 1.0 => format!("{r:.1}× less resident memory"),
        Some(r) => format!("{:.1}× more resident memory", 1.0 / r),
        None => "too little memory to measure".to_string(),
    };
    [format!("- {startup}, per connection,"), format!("  and held {memory}")]
}

/// The files, read back each way: a table of what each way did.
pub fn files(runs: &[FilesRun], count: usize) -> Vec<String> {
    let size = bytes(FILE_SIZE as f64);
    let mut lines = vec![format!(
        "\nFiles: {count} files of {size} in a temp dir, read back three ways:"
    )];
    let mut rows =
        vec![["way", "intact", "wall", "CPU", "threads started"].map(String::from)];
    rows.extend(runs.iter().map(files_row));
    lines.extend(table(&rows));
    if runs.iter().any(|run| run.mode == FilesMode::TokioFs && run.threads_started > 0) {
        lines.push(
            "- async file I/O is threads underneath: tokio::fs handed each read to\n  \
             a blocking thread (epoll does not take a regular file)"
                .to_string(),
        );
    }
    lines
}

fn files_row(run: &FilesRun) -> [String; 5] {
    let (m, n) = (&run.measurement, run.threads_started);
    let threads = match run.mode {
        FilesMode::OneAfterAnother => "none: this thread read them".to_string(),
        FilesMode::Threads => format!("{n}, one per file"),
        FilesMode::TokioFs => format!("{n} blocking, for 1 loop thread"),
    };
    let intact = format!("{} of {}", run.read_ok, run.files);
    [run.mode.name().into(), intact, duration(m.wall), duration(m.cpu.total()), threads]
}
