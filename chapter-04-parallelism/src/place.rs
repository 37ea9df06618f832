//! Where the calls run: on a pool of threads, on a pool of processes, or on
//! the event loop's own thread. The sweep uses the two pools, the hybrid all
//! three.

/// Where a run's calls are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// A rayon pool of N threads in this process.
    Threads,
    /// N worker processes, this program re-run, fed over pipes.
    Processes,
    /// The caller's own thread, one call after another: for the hybrid, the
    /// event loop's thread (chapter 2's mistake).
    Loop,
}

impl Place {
    /// A short name for tables, charts and records: `threads`, `processes`,
    /// `on-loop`.
    pub fn name(self) -> &'static str {
        match self {
            Place::Threads => "threads",
            Place::Processes => "processes",
            Place::Loop => "on-loop",
        }
    }
}
