//! The one place a computation can be stopped mid-step: a process of its
//! own. The kernel ends a killed process wherever it is, in the middle of a
//! multiplication too; nothing of it runs after the kill. The price is the
//! process: its start, and results that must cross a pipe.
//!
//! The child is this same program, started with [`CHAIN_ENV`] set: it runs
//! the chain and says `begin` and `end` around each step on its stdout.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use shared::workload::product_below;

use crate::observe::progress::Progress;

/// Set in the child's environment: `STEPS LIMIT`. Its presence makes this
/// program the child instead of the chapter.
pub const CHAIN_ENV: &str = "COURSE_CHAPTER5_CHAIN";

// ANCHOR: kill
/// Runs the chain in a child process and kills it `deadline` after its
/// first step began, wherever it is then. Returns once the child is reaped
/// and its output read.
pub fn kill_at_deadline(
    deadline: Duration,
    steps: usize,
    limit: u32,
    progress: &Progress,
) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|err| format!("no program: {err}"))?;
    let mut child = Command::new(exe)
        .env(CHAIN_ENV, format!("{steps} {limit}"))
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot start the child: {err}"))?;
    progress.in_child(child.id());
    let mut lines =
        child.stdout.take().map(BufReader::new).into_iter().flat_map(|r| r.lines());
    // The process's start is its price: the deadline counts from its first step.
    let first = lines.next();
    let start = Instant::now();
    if matches!(first, Some(Ok(ref line)) if line == "begin") {
        progress.begin();
    }
    std::thread::scope(|scope| {
        // Its steps, as it reports them, until its stdout closes.
        scope.spawn(|| {
            for line in lines {
                match line.as_deref() {
                    Ok("begin") => progress.begin(),
                    Ok("end") => progress.end(),
                    _ => break,
                }
            }
        });
        std::thread::sleep(deadline.saturating_sub(start.elapsed()));
        // SIGKILL: the kernel stops it now, mid-step if need be.
        let _ = child.kill();
        let _ = child.wait();
    });
    Ok(())
}
// ANCHOR_END: kill

/// In the child: runs the chain if [`CHAIN_ENV`] is set and returns the exit
/// code; `None` in the chapter's own process. `main` calls this first.
pub fn run_if_child() -> Option<i32> {
    let chain = std::env::var(CHAIN_ENV).ok()?;
    let mut words = chain.split_whitespace().map(|w| w.parse::<u32>().ok());
    let (Some(Some(steps)), Some(Some(limit))) = (words.next(), words.next()) else {
        return Some(2);
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(b"begin\n").and_then(|()| out.flush());
    for step in 1..=steps {
        std::hint::black_box(product_below(limit));
        // One write for a step's end and the next one's beginning: a kill
        // cannot fall between them, so every kill before the last end is
        // reported in the middle of a step.
        let said: &[u8] = if step < steps { b"end\nbegin\n" } else { b"end\n" };
        let _ = out.write_all(said).and_then(|()| out.flush());
    }
    Some(0)
}
