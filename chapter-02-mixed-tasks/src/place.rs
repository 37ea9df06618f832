//! Where a CPU step runs: the one [`Place`] of the chapter.

use std::fmt;

/// Where a CPU step runs. The chapter's runs put their steps on the loop or,
/// with `--offload`, on the runtime's blocking pool or rayon; the places
/// comparison (`--compare-places`, `--places`) measures all six.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Place {
    /// On the loop's own thread (the mistake): nothing else on the loop runs.
    Loop,
    /// The runtime's pool for blocking work (tokio's and async-std's
    /// `spawn_blocking`, smol's `unblock`): a new thread while none is idle.
    BlockingPool,
    /// `block_in_place` on a multi-thread runtime: the worker blocks and hands
    /// its other tasks to a new worker thread.
    BlockInPlace,
    /// A rayon pool (`spawn` and a oneshot): one thread per core, steps queue.
    Rayon,
    /// One thread of its own, fed by a channel: the steps run one at a time.
    Thread,
    /// A second tokio runtime for CPU work, one worker per core.
    SecondRuntime,
}

impl Place {
    /// Every place, in the order `--compare-places` measures them.
    pub const ALL: [Place; 6] = [
        Place::Loop,
        Place::BlockingPool,
        Place::BlockInPlace,
        Place::Rayon,
        Place::Thread,
        Place::SecondRuntime,
    ];

    /// Whether the loop must be a multi-thread runtime: `block_in_place`
    /// panics on a current-thread one.
    pub fn needs_multi_thread_loop(self) -> bool {
        self == Place::BlockInPlace
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use clap::ValueEnum;
        let value = self.to_possible_value().expect("no variant is skipped");
        f.write_str(value.get_name())
    }
}
