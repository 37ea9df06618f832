//! The records of both languages, paired: a row holds the Python and the
//! Rust measurement of one experiment (and, for the pool, one N; for the
//! experiments run more than one way, one way). The `compare` command
//! prints them as tables; [`crate::summary`] puts them in words.

use shared::record::Record;

use crate::experiment::Experiment;

/// One experiment (one pool size), measured in both languages (or one).
#[derive(Debug, Clone)]
pub struct Row {
    pub experiment: Experiment,
    /// The pool size, for the pool.
    pub workers: Option<usize>,
    /// The way both sides ran it, for the algorithm and the I/O
    /// experiments (see [`way`]).
    pub way: Option<&'static str>,
    /// Python's measurement, if Python ran.
    pub python: Option<Record>,
    pub rust: Option<Record>,
}

impl Row {
    /// How many times faster Rust was (Python's wall time over Rust's).
    pub fn ratio(&self) -> Option<f64> {
        let (python, rust) = (self.python.as_ref()?, self.rust.as_ref()?);
        (rust.wall_s > 0.0).then(|| python.wall_s / rust.wall_s)
    }

    /// Each language's record, named: Python's first.
    pub fn sides(&self) -> impl Iterator<Item = (&'static str, &Record)> {
        [("Python", &self.python), ("Rust", &self.rust)]
            .into_iter()
            .filter_map(|(name, record)| Some((name, record.as_ref()?)))
    }

    /// The row's name in the table.
    pub fn label(&self) -> String {
        let any = self.rust.as_ref().or(self.python.as_ref());
        let calls = any.and_then(|r| r.calls).unwrap_or(0);
        let way = self.way.unwrap_or("?");
        match self.experiment {
            Experiment::OneCall => "one call".to_string(),
            Experiment::Sequential => format!("{calls} calls on an event loop"),
            Experiment::Threads => format!("{calls} calls on {calls} threads"),
            Experiment::Pool => match self.workers.unwrap_or(0) {
                1 => format!("{calls} calls on a pool of 1 process"),
                n => format!("{calls} calls on a pool of {n} processes"),
            },
            Experiment::MixedTasks => "mixed tasks on one loop".to_string(),
            Experiment::Algorithm => format!("{calls} calls, {way}"),
            Experiment::Hybrid => {
                let n = any.and_then(|r| r.workers).unwrap_or(0);
                format!("{calls} calls, hybrid of {n} processes")
            }
            Experiment::IoCalls => match self.way {
                Some("threads") => format!("{calls} requests on {calls} threads"),
                Some(way) => format!("{calls} requests, {way}"),
                None => format!("{calls} requests"),
            },
            Experiment::IoScale => format!("{calls} connections as {way}"),
            _ => chapter_5_label(self.experiment, self.way),
        }
    }
}

/// The row a record belongs to, for the experiments run more than one way.
/// Algorithm: Python's loop and Rust's loop on one core pair up, so do the
/// two trees; `math.factorial` (Python only) and the parallel tree (Rust
/// only) have rows of their own. I/O: asyncio pairs with tokio's one loop
/// (its tasks, in the scale-up), threads with threads; the GIL model and
/// the multi-thread runtime are Rust's alone. Chapter 5: a job on a thread
/// pool pairs up (`run_in_executor` and `spawn_blocking`); what one
/// language alone has gets a row of its own.
pub fn way(experiment: Experiment, variant: Option<&str>) -> Option<&'static str> {
    match (experiment, variant?) {
        (Experiment::Algorithm, "loop" | "loop-1-core") => Some("loop"),
        (Experiment::Algorithm, "tree" | "tree-1-core") => Some("tree"),
        (Experiment::Algorithm, "math-factorial") => Some("math.factorial"),
        (Experiment::Algorithm, "parallel-tree-all-cores") => Some("parallel tree"),
        (Experiment::Algorithm, "loop-all-cores") => Some("loop, all cores"),
        (Experiment::IoCalls, "asyncio" | "loop") => Some("tasks on one loop"),
        (Experiment::IoCalls, "threads") => Some("threads"),
        (Experiment::IoCalls, "gil-model") => Some("threads, GIL model"),
        (Experiment::IoCalls, "tasks") => Some("multi-thread runtime"),
        (Experiment::IoScale, "asyncio" | "tasks") => Some("tasks"),
        (Experiment::IoScale, "threads") => Some("threads"),
        (Experiment::CancelTimeout, "awaited-steps") => Some("awaited steps"),
        (Experiment::CancelTimeout, "steps-on-loop") => Some("steps on the loop"),
        (Experiment::CancelBlocking, "run-in-executor" | "spawn-blocking") => {
            Some("a thread pool's job")
        }
        (Experiment::CancelBlocking, "rayon") => Some("a rayon job"),
        (Experiment::Semaphore, "uncapped") => Some("uncapped"),
        (Experiment::Semaphore, "capped") => Some("capped"),
        _ => None,
    }
}

/// Pairs the records: one row per experiment and pool size, in the order they ran.
pub fn rows(records: &[Record]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for record in records {
        let Some(experiment) = Experiment::named(&record.experiment) else { continue };
        let workers = if experiment == Experiment::Pool { record.workers } else { None };
        let way = way(experiment, record.variant.as_deref());
        let same = |row: &Row| {
            (row.experiment, row.workers, row.way) == (experiment, workers, way)
        };
        let index = rows.iter().position(same).unwrap_or_else(|| {
            rows.push(Row { experiment, workers, way, python: None, rust: None });
            rows.len() - 1
        });
        let row = &mut rows[index];
        let slot =
            if record.language == "python" { &mut row.python } else { &mut row.rust };
        *slot = Some(record.clone());
    }
    rows
}

/// The name of a row of `experiment`, run `way`, in the chapter's tables.
pub fn chapter_5_label(experiment: Experiment, way: Option<&str>) -> String {
    let way = way.map(|way| format!(", {way}")).unwrap_or_default();
    let name = match experiment {
        Experiment::CancelTimeout => "timeout",
        Experiment::CancelBlocking => "handle timed out",
        Experiment::CancelToken => "token",
        Experiment::CancelProcess => "process killed",
        Experiment::ChannelUnbounded => "unbounded",
        Experiment::ChannelBounded => "bounded",
        Experiment::Semaphore => "semaphore",
        _ => "?",
    };
    format!("{name}{way}")
}
