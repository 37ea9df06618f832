//! The experiments both languages run, by the names their JSON lines give
//! them: the `compare` command runs them, and the results pages read their
//! records.

/// One of the article's experiments. The value names are the `experiment`
/// field of the JSON lines both languages print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum Experiment {
    /// One call of the workload.
    OneCall,
    /// The calls one after another on an event loop (asyncio; tokio's current-thread runtime).
    Sequential,
    /// The calls on one thread each.
    Threads,
    /// The calls on a pool of N worker processes, for each N.
    Pool,
    /// A ticker, random waits and CPU steps on one loop: the tick gaps.
    MixedTasks,
    /// The same product by the loop and by a product tree: the time of one call.
    Algorithm,
    /// A loop's heartbeat while a pool of processes runs the calls: the worst lateness.
    Hybrid,
    /// N clients, one request each, to a slow service on 127.0.0.1: tasks on one loop, threads.
    IoCalls,
    /// Thousands of connections open at once, as tasks and as threads: what each one costs.
    IoScale,
    /// Chapter 5: a timeout cancels a chain of CPU steps at an await.
    CancelTimeout,
    /// Chapter 5: a job on a thread pool runs on after its handle timed out.
    CancelBlocking,
    /// Chapter 5: a job that checks a token between steps.
    CancelToken,
    /// Chapter 5: a job in a process, killed at its deadline.
    CancelProcess,
    /// Chapter 5: a fast producer, a slow consumer, an unbounded queue: memory.
    ChannelUnbounded,
    /// Chapter 5: the same through a bounded queue.
    ChannelBounded,
    /// Chapter 5: requests to a slow service, capped by a semaphore and not.
    Semaphore,
}

impl Experiment {
    /// Every experiment, in the order the article runs them.
    pub fn all() -> Vec<Experiment> {
        <Experiment as clap::ValueEnum>::value_variants().to_vec()
    }

    /// The name in the JSON lines (and on the command line): `one_call`.
    pub fn name(self) -> String {
        let value = clap::ValueEnum::to_possible_value(&self);
        value.map(|value| value.get_name().to_string()).unwrap_or_default()
    }

    /// The experiment whose JSON name is `name`.
    pub fn named(name: &str) -> Option<Experiment> {
        Experiment::all().into_iter().find(|e| e.name() == name)
    }

    /// Whether it is one of chapter 5's (stopping and limiting work).
    pub fn is_chapter_5(self) -> bool {
        matches!(
            self,
            Experiment::CancelTimeout
                | Experiment::CancelBlocking
                | Experiment::CancelToken
                | Experiment::CancelProcess
                | Experiment::ChannelUnbounded
                | Experiment::ChannelBounded
                | Experiment::Semaphore
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every experiment's name reads back as the same experiment.
    #[test]
    fn names_read_back() {
        for experiment in Experiment::all() {
            assert_eq!(Experiment::named(&experiment.name()), Some(experiment));
        }
        assert_eq!(Experiment::named("gil"), None);
    }
}
