//! CPU time spent after a deadline: read once at the deadline, by a thread
//! of its own, and once when the job is over.
//!
//! The CPU figures are the whole process's (`getrusage`), so nothing else
//! may run meanwhile: the runtime's threads are idle while a job computes.
//! A job in a child process counts its CPU through `/proc/PID/schedstat`
//! (nanoseconds on the CPU) while it lives and through the kernel's
//! accounting of reaped children once it is gone.

use std::thread;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use shared::measure::CpuTime;

use crate::observe::progress::Progress;

/// What a cancelled job did around its deadline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AfterDeadline {
    /// When the job began.
    pub start: Instant,
    /// When it should have stopped.
    pub deadline: Instant,
    /// When its caller gave up on it: the timeout fired, the kill was sent
    /// (a little after the deadline: a timer on a busy machine is late).
    pub gave_up: Instant,
    /// When it was over (its last step ended, or its process was reaped).
    pub over: Instant,
    /// Steps that began, in all.
    pub started: u64,
    /// Steps that ran to their end.
    pub finished: u64,
    /// Steps that began after the deadline.
    pub started_after: u64,
    /// CPU time the process (and the job's child) spent after the deadline.
    pub cpu_after: Duration,
    /// CPU time spent after the caller gave up: what the job did once told.
    pub cpu_after_giving_up: Duration,
}

/// Runs `job`, which returns when its caller gives up on it (a timeout of
/// `deadline`); then waits for whatever it left running to end, up to
/// `limit`, and says what the job did after the deadline. A job in a child
/// process is over when `job` returns: the child was killed and reaped.
pub fn watch(
    deadline: Duration,
    progress: &Progress,
    limit: Duration,
    job: impl FnOnce(),
) -> AfterDeadline {
    let start = Instant::now();
    let at = start + deadline;
    let children_before = children_cpu();
    let cpu_at_deadline = thread::scope(|scope| {
        let reader = scope.spawn(|| {
            thread::sleep(at.saturating_duration_since(Instant::now()));
            let own = CpuTime::now().total();
            // A child still running: the CPU it used so far counts as before.
            (own, progress.child().and_then(child_cpu))
        });
        job();
        let gave_up = (Instant::now(), CpuTime::now().total());
        (reader.join().unwrap_or((Duration::ZERO, None)), gave_up)
    });
    let (cpu_at_deadline, (gave_up, cpu_at_giving_up)) = cpu_at_deadline;
    if progress.child().is_none() {
        progress.wait_until_still(Duration::from_millis(20), limit);
    }
    let over = progress.spans().iter().filter_map(|s| s.end).max().unwrap_or(at).max(at);
    // A killed child's last step ended at the kill.
    let over = if progress.child().is_some() { over.max(gave_up) } else { over };
    let (own_at, child_at) = cpu_at_deadline;
    let cpu_end = CpuTime::now().total();
    let cpu_after_giving_up = cpu_end.saturating_sub(cpu_at_giving_up);
    let mut cpu_after = cpu_end.saturating_sub(own_at);
    if progress.child().is_some() {
        // The reaped child's CPU in all, less what it had used by the
        // deadline (all of it, if it was gone before it could be read).
        let child_total = children_cpu().saturating_sub(children_before);
        let before = child_at.unwrap_or(child_total).min(child_total);
        cpu_after = cpu_after.saturating_sub(before);
    }
    let spans = progress.spans();
    AfterDeadline {
        start,
        deadline: at,
        gave_up,
        over,
        started: progress.started(),
        finished: progress.finished(),
        started_after: spans.iter().filter(|s| s.start > at).count() as u64,
        cpu_after,
        cpu_after_giving_up,
    }
}

/// CPU time of the reaped children, user and system.
fn children_cpu() -> Duration {
    match getrusage(UsageWho::RUSAGE_CHILDREN) {
        Ok(usage) => {
            let micros = |tv: nix::sys::time::TimeVal| {
                Duration::from_micros((tv.tv_sec() * 1_000_000 + tv.tv_usec()) as u64)
            };
            micros(usage.user_time()) + micros(usage.system_time())
        }
        Err(_) => Duration::ZERO,
    }
}

/// CPU time of a living process: the first field of `/proc/PID/schedstat`.
fn child_cpu(pid: u32) -> Option<Duration> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/schedstat")).ok()?;
    let nanos = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
