//! What Part 1 measured: each way of giving up on the chain, JoinSet's
//! aborts, the two `select!` loops.

use std::time::Duration;

use shared::measure::Measurement;

use crate::abort::Joined;
use crate::observe::deadline::AfterDeadline;
use crate::observe::progress::StepSpan;
use crate::observe::step::Step;

/// The ways a caller gives up on the chain after its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// `timeout` drops a future that awaits each step.
    Timeout,
    /// `timeout` on a `spawn_blocking` job's handle.
    SpawnBlocking,
    /// `timeout` on a rayon job's channel.
    Rayon,
    /// `timeout`, then a token the job checks between steps.
    Token,
    /// A child process, killed.
    Process,
}

impl Way {
    /// In the order the chapter tells them.
    pub const ALL: [Way; 5] =
        [Way::Timeout, Way::SpawnBlocking, Way::Rayon, Way::Token, Way::Process];

    /// The name in the table and the verdicts.
    pub fn name(self) -> &'static str {
        match self {
            Way::Timeout => "timeout",
            Way::SpawnBlocking => "spawn_blocking",
            Way::Rayon => "rayon",
            Way::Token => "token",
            Way::Process => "process",
        }
    }

    /// The record's `experiment` and `variant`.
    pub fn experiment(self) -> (&'static str, &'static str) {
        match self {
            Way::Timeout => ("cancel_timeout", "awaited-steps"),
            Way::SpawnBlocking => ("cancel_blocking", "spawn-blocking"),
            Way::Rayon => ("cancel_blocking", "rayon"),
            Way::Token => ("cancel_token", "token"),
            Way::Process => ("cancel_process", "killed"),
        }
    }

    /// What happens at the deadline, for the table.
    pub fn how(self) -> &'static str {
        match self {
            Way::Timeout => "future dropped",
            Way::SpawnBlocking | Way::Rayon => "handle dropped",
            Way::Token => "token cancelled",
            Way::Process => "SIGKILL",
        }
    }
}

/// One way, measured.
#[derive(Debug, Clone)]
pub struct Cancelled {
    /// Which way.
    pub way: Way,
    /// What ran around the deadline.
    pub after: AfterDeadline,
    /// Every step's span, for the picture.
    pub spans: Vec<StepSpan>,
    /// Wall and CPU time of the whole way, its aftermath included.
    pub measurement: Measurement,
}

/// An abort, measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aborted {
    /// Which kind.
    pub kind: AbortKind,
    /// Tasks aborted.
    pub tasks: usize,
    /// Steps that began after the abort.
    pub started_after: u64,
    /// Steps that began in all.
    pub started: u64,
    /// How the tasks ended, where the run could ask.
    pub joined: Option<Joined>,
}

/// The three aborts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbortKind {
    /// `JoinSet::abort_all` on tasks that await.
    AbortAll,
    /// A dropped `JoinSet` of tasks that await.
    DropSet,
    /// `abort` on a task that never awaits.
    NoAwait,
}

/// One `select!` loop, measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Safety {
    /// `read_exact` in the loop (false) or a buffer outside it (true).
    pub buffered: bool,
    /// Messages sent.
    pub sent: usize,
    /// Messages that arrived whole.
    pub whole: usize,
    /// Wall and CPU time of the loop.
    pub measurement: Measurement,
}

/// Everything Part 1 measured.
#[derive(Debug, Clone)]
pub struct CancelRun {
    /// One step of the chain on this machine.
    pub step: Step,
    /// Steps in each job.
    pub steps: usize,
    /// The size of a step.
    pub limit: u32,
    /// The deadline: one and a half steps.
    pub deadline: Duration,
    /// The ways, in order.
    pub ways: Vec<Cancelled>,
    /// The aborts.
    pub aborts: Vec<Aborted>,
    /// The two loops.
    pub safety: Vec<Safety>,
}
