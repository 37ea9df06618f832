//! The experiments both languages run, and the settings they share.

use std::time::Duration;

use shared::cli;
use shared::workload::DEFAULT_LIMIT;

pub(crate) use course_book::experiment::Experiment;

/// The Python program in `book/python/` that runs `experiment`.
pub(crate) fn script(experiment: Experiment) -> &'static str {
    match experiment {
        Experiment::OneCall => "one_call.py",
        Experiment::Sequential => "asyncio_calls.py",
        Experiment::Threads => "thread_calls.py",
        Experiment::Pool => "pool_calls.py",
        Experiment::MixedTasks => "mixed_tasks.py",
        Experiment::Algorithm => "algorithm_calls.py",
        Experiment::Hybrid => "hybrid_pool.py",
        Experiment::IoCalls | Experiment::IoScale => "io_calls.py",
        Experiment::CancelTimeout
        | Experiment::CancelBlocking
        | Experiment::CancelToken
        | Experiment::CancelProcess => "cancellation.py",
        Experiment::ChannelUnbounded
        | Experiment::ChannelBounded
        | Experiment::Semaphore => "backpressure.py",
    }
}

/// One call runs this many times on each side and the fastest run counts:
/// a single short call is the measurement most easily disturbed.
pub(crate) const ONE_CALL_RUNS: usize = 5;
/// Calls of each algorithm: enough for a median, few because Python's loop
/// is slow.
pub(crate) const ALGORITHM_CALLS: usize = 3;
/// The hybrid's pool size: fixed, so that the book's value files keep
/// their names (`hybrid.processes.2.rust...`) on any machine.
pub(crate) const HYBRID_WORKERS: usize = 2;
/// The hybrid's heartbeat: Python's default and chapter 4's.
pub(crate) const HEARTBEAT: Duration = Duration::from_millis(100);
/// Chapter 5's cancelled job: its steps, the chapter's own default.
pub(crate) const STEPS: usize = 6;
/// One step's size (the product of the integers below it): the chapter's
/// default, a step of tens of milliseconds in Rust.
pub(crate) const STEP_LIMIT: u32 = 15_000;
/// Items through each of chapter 5's channels.
pub(crate) const ITEMS: usize = 20_000;
/// The bounded channel's capacity.
pub(crate) const BOUND: usize = 64;
/// Requests in flight chapter 5's semaphore allows.
pub(crate) const PERMITS: usize = 100;

/// The settings both sides of every experiment share: the command's
/// options.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Plan {
    /// Calls of the workload per experiment (the article: 20).
    #[arg(long, value_name = "N", default_value = "20", value_parser = cli::parse_calls)]
    pub(crate) calls: usize,

    /// Size of each call: the product of the integers below LIMIT (also the mixed tasks' CPU step).
    #[arg(long, default_value_t = DEFAULT_LIMIT, value_parser = parse_limit)]
    pub(crate) limit: u32,

    /// Pool sizes, comma-separated (the article: 1,2,4,8,20).
    #[arg(long, value_name = "LIST", value_delimiter = ',', default_value = "1,2,4,8,20", value_parser = cli::parse_workers)]
    pub(crate) workers: Vec<usize>,

    /// Ticks of the mixed tasks, the first included.
    #[arg(long, value_name = "N", default_value = "6", value_parser = parse_ticks)]
    pub(crate) ticks: u64,

    /// Time from one tick of the mixed tasks to the next being due.
    #[arg(long, value_name = "DURATION", default_value = "500ms", value_parser = cli::parse_duration, allow_hyphen_values = true)]
    pub(crate) interval: Duration,

    /// How long the I/O experiments' slow service waits before it answers.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = cli::parse_duration)]
    pub(crate) wait: Duration,

    /// Connections the I/O scale-up opens at once, and requests chapter 5's semaphore caps (fewer if the open-files limit is lower).
    #[arg(long, value_name = "N", default_value = "10000", value_parser = cli::parse_calls)]
    pub(crate) connections: usize,
}

/// `--limit`: a count up to 400,000.
fn parse_limit(text: &str) -> Result<u32, String> {
    cli::parse_count(text, 400_000).map(|n| n as u32)
}

/// `--ticks`: a count up to 10,000.
fn parse_ticks(text: &str) -> Result<u64, String> {
    cli::parse_count(text, 10_000)
}

impl Plan {
    /// What the experiment does, in one line, for the header of its part of the output.
    pub(crate) fn describe(&self, experiment: Experiment) -> String {
        let (calls, limit) = (self.calls, self.limit);
        let wait = shared::format::duration(self.wait);
        let job = format!(
            "A job of {STEPS} steps of product_below({STEP_LIMIT}), a deadline of 1.5 steps of CPU:"
        );
        let channel = format!(
            "{ITEMS} items of 4 KiB from a fast producer to a consumer that pauses 1 ms every 20,"
        );
        match experiment {
            Experiment::OneCall => format!(
                "One call of product_below({limit}), the fastest of {ONE_CALL_RUNS} runs."
            ),
            Experiment::Sequential => format!(
                "{calls} calls of product_below({limit}) one after another on an event loop (asyncio; tokio's current-thread runtime)."
            ),
            Experiment::Threads => format!(
                "{calls} calls of product_below({limit}) on {calls} threads (threading.Thread; std::thread)."
            ),
            Experiment::Pool => format!(
                "{calls} calls of product_below({limit}) on a pool of N worker processes, N = {} (multiprocessing.Pool; chapter 4's process pool).",
                self.workers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
            ),
            Experiment::MixedTasks => format!(
                "{} ticks every {}, random waits and CPU steps of product_below({limit}) on one loop (asyncio; tokio's current-thread runtime).",
                self.ticks,
                shared::format::duration(self.interval)
            ),
            Experiment::Algorithm => format!(
                "{ALGORITHM_CALLS} calls of product_below({limit}) one after another, by the loop and by a product tree (math.factorial too; the tree on all cores too)."
            ),
            Experiment::Hybrid => format!(
                "{calls} calls of product_below({limit}) on a pool of {HYBRID_WORKERS} processes, a heartbeat every {} on the loop (asyncio + ProcessPoolExecutor; tokio + chapter 4's process pool).",
                shared::format::duration(HEARTBEAT)
            ),
            Experiment::IoCalls => format!(
                "{calls} clients, one request each, to a service on 127.0.0.1 that answers after {wait}: as tasks on one loop (asyncio streams; tokio), on {calls} threads (socket; std::net), and on threads under chapter 3's GIL model."
            ),
            Experiment::IoScale => format!(
                "{} connections open at once, then one request each, as tasks on one loop (asyncio; tokio) and as threads (threading; std::thread): start-up and memory per connection.",
                self.connections
            ),
            Experiment::CancelTimeout => format!(
                "{job} a timeout cancels the chain at the await of a step (asyncio.wait_for; tokio::time::timeout)."
            ),
            Experiment::CancelBlocking => format!(
                "{job} the whole job on a thread pool, its handle timed out (run_in_executor; spawn_blocking, rayon)."
            ),
            Experiment::CancelToken => format!(
                "{job} a token the job checks between steps (threading.Event; CancellationToken)."
            ),
            Experiment::CancelProcess => format!(
                "{job} the job, ten times as long, in a process killed at the deadline (multiprocessing; a child process)."
            ),
            Experiment::ChannelUnbounded => format!(
                "{channel} through an unbounded queue (asyncio.Queue(); mpsc::unbounded_channel)."
            ),
            Experiment::ChannelBounded => format!(
                "{channel} through a queue of {BOUND} (asyncio.Queue(maxsize); mpsc::channel)."
            ),
            Experiment::Semaphore => format!(
                "{} requests to a service on 127.0.0.1 that answers after {wait}: at most {PERMITS} in flight, then all at once (asyncio.Semaphore; tokio::sync::Semaphore).",
                self.connections
            ),
        }
    }

    /// The Python program's arguments for the experiment: the same settings
    /// as the Rust side's.
    pub(crate) fn python_args(&self, experiment: Experiment) -> Vec<String> {
        let (calls, limit, wait) = (self.calls, self.limit, self.wait.as_secs_f64());
        let job = format!("--steps {STEPS} --limit {STEP_LIMIT} --ways");
        let (connections, workers) = (self.connections, self.workers.iter());
        let workers = workers.map(usize::to_string).collect::<Vec<_>>().join(" ");
        let flow = format!(
            "--items {ITEMS} --bound {BOUND} --requests {connections} --permits {PERMITS} --wait {wait}"
        );
        let args = match experiment {
            Experiment::OneCall => format!("--limit {limit} --repeat {ONE_CALL_RUNS}"),
            Experiment::Sequential | Experiment::Threads => {
                format!("--limit {limit} --calls {calls}")
            }
            Experiment::Pool => {
                format!("--limit {limit} --calls {calls} --workers {workers}")
            }
            Experiment::MixedTasks => format!(
                "--limit {limit} --ticks {} --interval {}",
                self.ticks,
                self.interval.as_secs_f64()
            ),
            Experiment::Algorithm => format!("--limit {limit} --calls {ALGORITHM_CALLS}"),
            Experiment::Hybrid => format!(
                "--limit {limit} --calls {calls} --workers {HYBRID_WORKERS} --heartbeat {}",
                HEARTBEAT.as_secs_f64()
            ),
            Experiment::IoCalls => {
                format!("--only calls --clients {calls} --wait {wait}")
            }
            Experiment::IoScale => {
                format!("--only scale --scale {connections} --wait {wait}")
            }
            Experiment::CancelTimeout => format!("{job} awaited-steps steps-on-loop"),
            Experiment::CancelBlocking => format!("{job} run-in-executor"),
            Experiment::CancelToken => format!("{job} token"),
            Experiment::CancelProcess => format!("{job} killed"),
            Experiment::ChannelUnbounded
            | Experiment::ChannelBounded
            | Experiment::Semaphore => {
                format!("--only {} {flow}", experiment.name())
            }
        };
        // Every argument is one word (numbers and names).
        args.split_whitespace().map(String::from).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pool gets every size, the mixed tasks the interval in seconds, the
    /// algorithm its own call count, the hybrid its pool size and heartbeat,
    /// the I/O experiments their part of `io_calls.py`, the clients or the
    /// connections, and the service's wait.
    #[test]
    fn python_gets_the_same_settings() {
        let plan = Plan {
            calls: 3,
            limit: 500,
            workers: vec![1, 2],
            ticks: 4,
            interval: Duration::from_millis(250),
            wait: Duration::from_millis(100),
            connections: 500,
        };
        let expected = [
            (Experiment::Pool, "--limit 500 --calls 3 --workers 1 2"),
            (Experiment::MixedTasks, "--limit 500 --ticks 4 --interval 0.25"),
            (Experiment::OneCall, "--limit 500 --repeat 5"),
            (Experiment::Algorithm, "--limit 500 --calls 3"),
            (Experiment::Hybrid, "--limit 500 --calls 3 --workers 2 --heartbeat 0.1"),
            (Experiment::IoCalls, "--only calls --clients 3 --wait 0.1"),
            (Experiment::IoScale, "--only scale --scale 500 --wait 0.1"),
            (
                Experiment::CancelBlocking,
                "--steps 6 --limit 15000 --ways run-in-executor",
            ),
            (
                Experiment::CancelTimeout,
                "--steps 6 --limit 15000 --ways awaited-steps steps-on-loop",
            ),
            (
                Experiment::Semaphore,
                "--only semaphore --items 20000 --bound 64 --requests 500 --permits 100 \
                 --wait 0.1",
            ),
        ];
        for (experiment, args) in expected {
            assert_eq!(plan.python_args(experiment).join(" "), args, "{experiment:?}");
        }
    }
}
