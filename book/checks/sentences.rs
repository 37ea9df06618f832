//! Every sentence of the book that compares or characterises measured
//! values, with what the records must show for it to be true
//! ([`crate::claims`]).
//!
//! A sentence whose wording the data chooses (a takeaway, a generated
//! value) needs no entry: it cannot be contradicted. The entries are the
//! sentences written by hand around generated numbers, grouped by page.
//!
//! To add a sentence, add an entry to its page's list (a new page: a new
//! list, named in [`all`]):
//!
//! ```text
//! Claim::on(CH2, "words the page has")
//!     .below(Seconds, "worst lateness", field(MIXED_2, "variant=tokio-on-loop",
//!            "worst_lateness_s"), 0.1)
//!     .when(IDLE),
//! ```
//!
//! Each check compares a value read from the records, named and in its unit
//! as the reader's report shows it, with its bound ([`Claim::above`],
//! [`Claim::below`], [`Claim::between`], [`Claim::near`]), or reads a
//! record's verdict ([`Claim::verdict`]). A value is a [`field`] of one
//! record (the queries' common beginnings are the consts below), the
//! [`most`], [`least`] or [`sum`] of many, a number, or `/`, `*`, `-` of
//! those. A check no comparison can say is a function
//! ([`Claim::computed`]). A sentence that holds only on some machines gets
//! `.when(TWO_CORES)` (or another [`Condition`]) and says that condition on
//! its page. Then `cargo test -p course-book --test claims` checks it on
//! the book's records and on the side sets (one core, a loaded machine);
//! accept the reader's report's new snapshot and recapture it (`capture
//! claims_report`). A set with no record of a sentence's experiment (made
//! before the experiment existed) has not measured it: the test names the
//! sentence and passes; on the book's own records that is allowed only
//! while the book shows none of that program's records.
//!
//! The lists are laid out by hand (`rustfmt::skip`), a sentence and its
//! checks together: rustfmt would give every argument a line of its own.

use crate::claims::{
    Claim, Condition, Measured, Records, Unit::*, Value, field, least, most, sum,
};

// The pages, as their files in `book/src/`.
const CH2: &str = "chapter-02-mixed-tasks.md";
const CH3: &str = "chapter-03-cpu-bound.md";
const CH3_IO: &str = "chapter-03-io-bound.md";
const CH4: &str = "chapter-04-parallelism.md";
const PVR: &str = "python-vs-rust.md";
const CH5: &str = "chapter-05-cancellation-and-backpressure.md";
const CH5_PYTHON: &str = "python-beside-chapter-05.md";
const RESULTS: &str = "results.md";

// The queries' common beginnings: a record set and the pairs its records
// share.
const MIXED_2: &str = "chapter-02-mixed-tasks:";
const CALLS_3: &str = "chapter-03-cpu-bound: experiment=calls";
const IO_3: &str = "chapter-03-cpu-bound: experiment=io_calls";
const SCALE_3: &str = "chapter-03-cpu-bound: experiment=io_scale";
const ALGORITHM_4: &str = "chapter-04-parallelism: experiment=algorithm";
const HYBRID_4: &str = "chapter-04-parallelism: experiment=hybrid";
const POOL_4: &str = "chapter-04-parallelism: experiment=pool";
const COMPARED: &str = "python-vs-rust:";
const PYTHON: &str = "python-vs-rust: language=python";
const RUST: &str = "python-vs-rust: language=rust";
const CH5_RUN: &str = "chapter-05-cancellation-and-backpressure:";

/// Every page's sentences, in one list.
pub fn all() -> Vec<Claim> {
    [
        chapter_2(),
        chapter_3(),
        chapter_4(),
        python_vs_rust(),
        chapter_5(),
        chapter_5_python(),
        results_page(),
    ]
    .concat()
}

/// How far apart two ratios may be and still be called "near" each other.
const NEAR: f64 = 1.5;

/// The wait of the I/O-bound programs' calls, in seconds.
const WAIT: f64 = 0.1;

/// The machine has two cores or more (the records' `cores`).
pub const TWO_CORES: Condition = Condition {
    says: "two cores or more",
    met: |r| Ok(Measured::above(Count, "cores", r.cores()?, 1.0)),
};

/// The machine was otherwise idle: every single-threaded CPU-bound run of
/// the set (chapter 3's loop, chapter 4's pools at N = 1, the comparison's
/// loops) kept at least 0.9 of a core busy, so no other work took its core,
/// and, with two cores or more, [`TWO_FREE_CORES`].
pub const IDLE: Condition = Condition {
    says: "on an idle machine",
    met: |r| {
        let least_busy = least(POOL_4, "workers=1", "cores_used")
            .min(field(CALLS_3, "variant=loop", "cores_used"))
            .min(least(COMPARED, "experiment=sequential", "cores_used"));
        let least_busy = least_busy.read(r)?;
        let alone = Measured::above(Cores, "least busy one-thread run", least_busy, 0.9);
        if r.cores()? < 2.0 {
            return Ok(alone);
        }
        Ok(Measured::all([alone, (TWO_FREE_CORES.met)(r)?]))
    },
};

/// [`IDLE`] with two cores or more.
pub const IDLE_TWO_CORES: Condition = Condition {
    says: "on an idle machine with two cores or more",
    met: |r| Ok(Measured::all([(TWO_CORES.met)(r)?, (IDLE.met)(r)?])),
};

/// Two cores were free for the run: chapter 4's pool of two threads kept
/// more than 1.7 cores busy (not on one core, nor beside other busy work).
pub const TWO_FREE_CORES: Condition = Condition {
    says: "two free cores",
    met: |r| {
        let busy = field(POOL_4, "variant=threads workers=2", "cores_used");
        Ok(Measured::above(Cores, "chapter 4's pool of 2 threads", busy.read(r)?, 1.7))
    },
};

#[rustfmt::skip]
fn chapter_2() -> Vec<Claim> {
    let tokio = |name| field(MIXED_2, "variant=tokio-on-loop", name);
    let off_the_loop = [
        "variant=tokio-spawn-blocking", "variant=async-std-spawn-blocking",
        "variant=smol-unblock", "variant=tokio-multi-thread-spawn-blocking",
        "variant=tokio-rayon",
    ];
    let worst_off_the_loop = off_the_loop.into_iter()
        .map(|variant| field(MIXED_2, variant, "worst_lateness_s"))
        .fold(Value::from(0.0), Value::max);
    vec![
        Claim::on(CH2, "The calibration aims for the first range, and on an idle \
                        machine the measured steps fall in it")
            .between(Seconds, "step", tokio("step_s"), tokio("interval_s") / 2.0,
                     tokio("interval_s"))
            .when(IDLE),
        Claim::on(CH2, "where the join sometimes starts the next step first, a tick \
                        waited one step more")
            .above(Seconds, "worst lateness, multi-thread against current-thread",
                   field(MIXED_2, "variant=tokio-multi-thread-on-loop",
                         "worst_lateness_s"), tokio("worst_lateness_s"))
            .when(TWO_CORES),
        Claim::on(CH2, "Off the loop the lateness is only the time a timer takes to \
                        wake")
            .below(Seconds, "worst lateness off the loop", worst_off_the_loop, 0.1),
        Claim::on(CH2, "a small part of the 2 s interval: the ticks are late by less \
                        than that, under the threshold of a quarter of the interval, and \
                        the run says on time")
            .below(Seconds, "one call", field(RUST, "experiment=one_call", "wall_s"), 0.5)
            .when(IDLE),
    ]
}

#[rustfmt::skip]
fn chapter_3() -> Vec<Claim> {
    let calls = |variant, name| field(CALLS_3, variant, name);
    let scale = |variant, name| field(SCALE_3, variant, name);
    let call = || calls("variant=loop", "wall_s") / 20.0; // one of the loop's 20 calls
    let io_loop = || field(IO_3, "variant=loop", "wall_s");
    vec![
        Claim::on(CH3, "does the loop's work one call at a time, so on an idle machine \
                        it cannot")
            .above(Seconds, "GIL model's wall time against 0.95 × the loop's",
                   calls("variant=gil-model", "wall_s"),
                   0.95 * calls("variant=loop", "wall_s"))
            .when(IDLE),
        Claim::on(CH3, "kept up to every core busy (the verdict `parallel`)")
            .above(Cores, "threads' cores busy", calls("variant=threads", "cores_used"),
                   1.25)
            .above(Cores, "tasks' cores busy", calls("variant=tasks", "cores_used"), 1.25)
            .when(IDLE_TWO_CORES),
        Claim::on(CH3, "no worker looked at the timers until the queue of calls had \
                        drained")
            .above(Seconds, "tasks' worst lateness against half their wall",
                   calls("variant=tasks", "worst_lateness_s"),
                   0.5 * calls("variant=tasks", "wall_s")),
        Claim::on(CH3_IO, "every place takes about one wait")
            .below(Seconds, "slowest way's wall time", most(IO_3, "", "wall_s"),
                   2.0 * WAIT),
        Claim::on(CH3_IO, "a factor of a few, not of hundreds")
            .between(Times, "threads' memory over tasks'",
                     scale("variant=threads", "memory_each_bytes")
                         / scale("variant=tasks", "memory_each_bytes"), 1.5, 50.0),
        Claim::on(CH3_IO, "is that factor and the faster start-up")
            .below(Seconds, "tasks' start-up against threads'",
                   scale("variant=tasks", "startup_s"),
                   scale("variant=threads", "startup_s")),
        Claim::on(CH3, "on an idle machine, a call or two late on the loop")
            .between(Seconds, "the loop's worst lateness",
                     calls("variant=loop", "worst_lateness_s"),
                     0.5 * call(), 2.5 * call())
            .when(IDLE),
        Claim::on(CH3_IO, "the speedups against the loop stay near one")
            .above(Times, "slowest way against the loop",
                   io_loop() / most(IO_3, "", "wall_s"), 1.0 / NEAR)
            .below(Times, "fastest way against the loop",
                   io_loop() / least(IO_3, "", "wall_s"), NEAR),
        Claim::on(CH3_IO, "Waiting needs no CPU (look at the cores used)")
            .below(Cores, "most cores busy while waiting", most(IO_3, "", "cores_used"),
                   0.25),
    ]
}

#[rustfmt::skip]
fn chapter_4() -> Vec<Claim> {
    let speedup = |variant| field(ALGORITHM_4, variant, "speedup");
    let late_ticks = |variant| sum(HYBRID_4, variant, "late_ticks");
    let on_loop = |name| field(HYBRID_4, "variant=on-loop", name);
    let call = || on_loop("wall_s") / 20.0; // one of the loop's 20 calls
    vec![
        Claim::on(CH4, "A better algorithm beats more cores")
            .above(Times, "speedup, tree on 1 core against loop on all",
                   speedup("variant=tree-1-core"), speedup("variant=loop-all-cores")),
        Claim::on(CH4, "gains more than the second core does, in either language")
            .above(Times, "Rust: speedup, tree on 1 core against loop on all",
                   speedup("variant=tree-1-core"), speedup("variant=loop-all-cores"))
            .above(Times, "Python: tree's gain over loop against pool at N = 2",
                   step(PYTHON, "variant=loop") / step(PYTHON, "variant=tree"),
                   pool_gain(PYTHON, 2)),
        Claim::on(CH4, "On an idle machine, a loop that hands its work away stays on \
                        time")
            .below(Count, "threads: late ticks", late_ticks("variant=threads"), 1.0)
            .below(Count, "processes: late ticks", late_ticks("variant=processes"), 1.0)
            .when(IDLE),
        Claim::on(CH4, "the same calls on the loop make it late by about a call")
            .between(Seconds, "worst lateness", on_loop("worst_lateness_s"),
                     0.5 * call(), 2.0 * call()),
        Claim::on(CH4, "past the core count, more workers only share the same \
                        cores")
            .computed(past_the_cores)
            .when(IDLE),
        Claim::on(CH4, "why the parallel tree does not double its speed on 2 cores")
            .below(Times, "parallel tree over tree",
                   speedup("variant=parallel-tree-all-cores")
                       / speedup("variant=tree-1-core"), 1.8),
    ]
}

/// Chapter 4's pools, threads and processes: past the machine's core count,
/// the best speedup is within a tenth of the speedup at the core count.
fn past_the_cores(r: &Records) -> Result<Measured, String> {
    let cores = r.cores()?;
    let mut parts = Vec::new();
    for variant in ["threads", "processes"] {
        let pool = format!("{POOL_4} variant={variant}");
        let at_cores = r.num(&format!("{pool} workers={cores}"), "speedup")?;
        let beyond = r
            .all(&pool)?
            .iter()
            .filter(|row| {
                row.get("workers").and_then(|w| w.as_f64()).is_some_and(|n| n > cores)
            })
            .filter_map(|row| row.get("speedup")?.as_f64())
            .fold(0.0, f64::max);
        let what = format!("{variant}: best past the cores over at the cores");
        parts.push(Measured::below(Times, &what, beyond / at_cores, 1.1));
    }
    Ok(Measured::all(parts))
}

/// Python's `name` over Rust's, in the comparison's records `rest` finds.
fn python_over_rust(rest: &str, name: &'static str) -> Value {
    field(PYTHON, rest, name) / field(RUST, rest, name)
}

/// A pool's speedup at N = `n` over N = 1, on one side of the comparison.
fn pool_gain(side: &str, n: u64) -> Value {
    field(side, "experiment=pool workers=1", "wall_s")
        / field(side, &format!("experiment=pool workers={n}"), "wall_s")
}

/// One call's time in a side's `algorithm` rows (`variant=loop`).
fn step(side: &str, variant: &str) -> Value {
    field(side, &format!("experiment=algorithm {variant}"), "step_s")
}

/// The worst lateness of one side's mixed tasks, in CPU steps.
fn late_in_steps(side: &str) -> Value {
    field(side, "experiment=mixed_tasks", "worst_lateness_s")
        / field(side, "experiment=mixed_tasks", "step_s")
}

/// The comparison's pool sizes (its Rust pool rows').
fn pool_sizes(r: &Records) -> Result<Vec<u64>, String> {
    let rows = r.all(&format!("{RUST} experiment=pool"))?;
    let sizes: Vec<u64> = rows
        .iter()
        .filter_map(|row| row.get("workers").and_then(|w| w.as_u64()))
        .collect();
    if sizes.is_empty() { Err("no pool records".into()) } else { Ok(sizes) }
}

/// Both languages' pools reach a best speedup of 0.85 × the cores or more.
fn best_speedups(r: &Records) -> Result<Measured, String> {
    let bound = 0.85 * r.cores()?;
    let best = |side| -> Result<f64, String> {
        let gains: Result<Vec<f64>, String> =
            pool_sizes(r)?.into_iter().map(|n| pool_gain(side, n).read(r)).collect();
        Ok(gains?.into_iter().fold(0.0, f64::max))
    };
    Ok(Measured::all([
        Measured::above(Times, "Rust's best speedup", best(RUST)?, bound),
        Measured::above(Times, "Python's best speedup", best(PYTHON)?, bound),
    ]))
}

/// At every pool size, Python's wall over Rust's is above one and near the
/// loop's.
fn every_pool_size(r: &Records) -> Result<Measured, String> {
    let loop_ratio = python_over_rust("experiment=sequential", "wall_s").read(r)?;
    let mut parts = Vec::new();
    for n in pool_sizes(r)? {
        let pool = format!("experiment=pool workers={n}");
        let ratio = python_over_rust(&pool, "wall_s").read(r)?;
        parts.push(Measured::above(Times, &format!("N = {n}: Python/Rust"), ratio, 1.0));
        let what = format!("N = {n}: pool's ratio and loop's");
        parts.push(Measured::near(Times, &what, ratio, loop_ratio, NEAR));
    }
    Ok(Measured::all(parts))
}

#[rustfmt::skip]
fn python_vs_rust() -> Vec<Claim> {
    let loop_ratio = || python_over_rust("experiment=sequential", "wall_s");
    let languages = || step(PYTHON, "variant=loop") / step(RUST, "variant=loop-1-core");
    let busy = |side| field(side, "experiment=threads", "cores_used");
    let late = |side| field(side, "experiment=mixed_tasks", "worst_lateness_s");
    let memory = |side, variant| field(side, variant, "memory_each_bytes");
    let task = "experiment=io_scale variant=tasks";
    let asyncio = "experiment=io_scale variant=asyncio"; // Python's task
    let thread = "experiment=io_scale variant=threads";
    let rust_io = |variant| field(RUST, variant, "wall_s");
    vec![
        Claim::on(PVR, "Rust wins one call by a small factor")
            .between(Times, "Python/Rust",
                     python_over_rust("experiment=one_call", "wall_s"), 1.0, 10.0),
        Claim::on(PVR, "Python's loop is slower than Rust's")
            .above(Times, "Python/Rust", loop_ratio(), 1.0),
        Claim::on(PVR, "Python's 20 threads keep about one core busy")
            .below(Cores, "cores busy", busy(PYTHON), 1.3),
        Claim::on(PVR, "Rust's advantage here is therefore the loop's ratio *times* the \
                        cores it adds, and a little more")
            .above(Times, "threads' Python/Rust against loop's × cores added",
                   python_over_rust("experiment=threads", "wall_s"),
                   loop_ratio() * (busy(RUST) / busy(PYTHON)))
            .when(TWO_FREE_CORES),
        Claim::on(PVR, "Python's pool gains less at N = 2 than Rust's")
            .below(Times, "Python's speedup at N = 2 against Rust's",
                   pool_gain(PYTHON, 2), pool_gain(RUST, 2))
            .when(TWO_FREE_CORES),
        Claim::on(PVR, "both end near a speedup of the number of cores")
            .computed(best_speedups)
            .when(TWO_FREE_CORES),
        Claim::on(PVR, "At every N, Rust's pool is faster, by a ratio near the \
                        loop's")
            .computed(every_pool_size),
        Claim::on(PVR, "and a ratio near the loop row's again")
            .near(Times, "algorithm loop's ratio, loop row's", languages(), loop_ratio(),
                  NEAR),
        Claim::on(PVR, "in each, the tree is many times faster than the loop, a larger \
                        gain than the ratio Rust's loop has over Python's")
            .above(Times, "Python's tree gain against languages' ratio",
                   step(PYTHON, "variant=loop") / step(PYTHON, "variant=tree"),
                   languages())
            .above(Times, "Rust's tree gain against languages' ratio",
                   step(RUST, "variant=loop-1-core") / step(RUST, "variant=tree-1-core"),
                   languages()),
        Claim::on(PVR, "on an idle machine, both loops keep their ticker on time")
            .below(Count, "both languages: late ticks",
                   sum(COMPARED, "experiment=hybrid", "late_ticks"), 1.0)
            .when(IDLE),
        Claim::on(PVR, "all 20 took about one wait, not twenty")
            .below(Seconds, "slowest way's wall time",
                   most(COMPARED, "experiment=io_calls", "wall_s"), 2.0 * WAIT),
        Claim::on(PVR, "On an idle machine, *starting* a thread costs more in Python \
                        than in Rust")
            .above(Seconds, "start-up per thread, Python against Rust",
                   field(PYTHON, thread, "startup_s"), field(RUST, thread, "startup_s"))
            .when(IDLE),
        Claim::on(PVR, "Mixed tasks: both loops are late.")
            .above(Times, "Python: worst lateness in steps", late_in_steps(PYTHON), 0.5)
            .above(Times, "Rust: worst lateness in steps", late_in_steps(RUST), 0.5),
        Claim::on(PVR, "Rust's faster steps only make each wait shorter")
            .below(Seconds, "worst lateness, Rust against Python", late(RUST),
                   late(PYTHON)),
        Claim::on(PVR, "On an idle machine, a tick can thus wait for up to two \
                        steps")
            .below(Times, "Python: worst lateness in steps", late_in_steps(PYTHON), 2.1)
            .when(IDLE),
        Claim::on(PVR, "waits for at most the one step that was running")
            .below(Times, "Rust: worst lateness in steps", late_in_steps(RUST), 1.1),
        Claim::on(PVR, "Rust's GIL model does the same, and on an idle machine ties with \
                        the plain threads")
            .near(Seconds, "GIL model's wall, threads'",
                  rust_io("experiment=io_calls variant=gil-model"),
                  rust_io("experiment=io_calls variant=threads"), NEAR)
            .when(IDLE),
        Claim::on(PVR, "Waiting needs no CPU: look at the cores used")
            .below(Cores, "most cores busy while waiting",
                   most(COMPARED, "experiment=io_calls", "cores_used"), 0.25),
        Claim::on(PVR, "a task is cheaper than a thread, in both languages, and Rust's \
                        are cheaper than Python's")
            .above(Times, "Rust: memory, a thread over a task",
                   memory(RUST, thread) / memory(RUST, task), 1.0)
            .above(Times, "Python: memory, a thread over a task",
                   memory(PYTHON, thread) / memory(PYTHON, asyncio), 1.0)
            .above(Times, "tasks: memory, Python over Rust",
                   memory(PYTHON, asyncio) / memory(RUST, task), 1.0)
            .above(Times, "threads: memory, Python over Rust",
                   memory(PYTHON, thread) / memory(RUST, thread), 1.0),
    ]
}

// Chapter 5's ways of giving up on a job, as their records name them.
const TIMEOUT: &str = "experiment=cancel_timeout variant=awaited-steps";
const ON_LOOP: &str = "experiment=cancel_timeout variant=steps-on-loop";
const SPAWN_BLOCKING: &str = "experiment=cancel_blocking variant=spawn-blocking";
const RAYON: &str = "experiment=cancel_blocking variant=rayon";
const EXECUTOR: &str = "experiment=cancel_blocking variant=run-in-executor";
const TOKEN: &str = "experiment=cancel_token variant=token";
const KILLED: &str = "experiment=cancel_process variant=killed";

/// How far apart two rates may be and be "about the same": a quarter, as
/// chapter 5's verdict on the producer's pace allows.
const SAME_RATE: f64 = 1.25;

/// A way's name in a reason: its variant (or experiment), and its language
/// when its side names one (`awaited-steps (python)`).
fn way(side: &str, way: &str) -> String {
    let query = format!("{side} {way}");
    let value =
        |key: &str| query.split_whitespace().find_map(|pair| pair.strip_prefix(key));
    let name = value("variant=").or(value("experiment=")).unwrap_or(way);
    match value("language=") {
        Some(language) => format!("{name} ({language})"),
        None => name.to_string(),
    }
}

/// Steps a job began and did not end: cut in the middle.
fn cut(side: &str, of: &str) -> Value {
    field(side, of, "steps_started") - field(side, of, "steps_finished")
}

/// Chapter 5's checks, said of a way (`of`: `TIMEOUT`, ...) of giving up on
/// a job, on one side (`CH5_RUN`, `PYTHON`, `RUST`): words the claims of
/// its pages use, as `Claim::on(...).stopped(CH5_RUN, TOKEN)`.
impl Claim {
    /// The job ended every step it began: none was cut in the middle.
    fn whole_steps(self, side: &str, of: &str) -> Self {
        let what = format!("{}: steps begun, not ended", way(side, of));
        self.below(Count, &what, cut(side, of), 1.0)
    }

    /// The job stopped once its caller gave up, at the end of the step in
    /// progress.
    fn stopped(self, side: &str, of: &str) -> Self {
        self.verdict(&way(side, of), side, of, "stopped at the step's end")
            .whole_steps(side, of)
    }

    /// The job ran on after its caller gave up, step after whole step, past
    /// where the chain the timeout dropped stopped.
    fn ran_on(self, side: &str, of: &str) -> Self {
        let what = format!("{}: steps ended, over the timeout's begun", way(side, of));
        let (ended, begun) =
            (field(side, of, "steps_finished"), field(side, TIMEOUT, "steps_started"));
        self.verdict(&way(side, of), side, of, "ran on")
            .whole_steps(side, of)
            .above(Count, &what, ended, begun)
    }

    /// The killed process stopped in the middle of a step, and none of the
    /// `others` did.
    fn only_the_process_cuts(self, side: &str, others: &[&str]) -> Self {
        let what = format!("{}: steps begun, not ended", way(side, KILLED));
        let claim = self
            .verdict(&way(side, KILLED), side, KILLED, "stopped mid-step")
            .above(Count, &what, cut(side, KILLED), 0.0);
        others.iter().fold(claim, |claim, of| claim.whole_steps(side, of))
    }

    /// A channel's memory grew without a bound and stayed flat with one.
    fn bound_keeps_memory_flat(self, side: &str) -> Self {
        let (unbounded, bounded) =
            ("experiment=channel_unbounded", "experiment=channel_bounded");
        let memory = |of| field(side, of, "peak_memory_bytes");
        let ratio = memory(unbounded) / memory(bounded);
        self.verdict(&way(side, unbounded), side, unbounded, "grew")
            .verdict(&way(side, bounded), side, bounded, "flat")
            .above(Times, "peak memory, unbounded over bounded", ratio, 1.0)
    }

    /// Requests that wait for a permit took longer, at the median, than the
    /// same requests all at once.
    fn permits_wait_in_the_caller(self, side: &str) -> Self {
        let seconds = |variant| field(side, variant, "latency_median_ms") / 1e3;
        let capped = seconds("experiment=semaphore variant=capped");
        let uncapped = seconds("experiment=semaphore variant=uncapped");
        self.above(Seconds, "median latency, capped against uncapped", capped, uncapped)
    }

    /// `read_exact` in chapter 5's `select!` loop lost messages; the buffer
    /// kept outside the loop lost none.
    fn cancel_safety(self) -> Self {
        let lost = |variant| field(CH5_RUN, variant, "lost_messages");
        let read_exact = lost("experiment=cancel_safety variant=read-exact");
        let buffered = lost("experiment=cancel_safety variant=buffered");
        let lost_some = self.above(Count, "read_exact: messages lost", read_exact, 0.0);
        lost_some.below(Count, "buffered: messages lost", buffered, 1.0)
    }
}

#[rustfmt::skip]
fn chapter_5() -> Vec<Claim> {
    let others = [TIMEOUT, SPAWN_BLOCKING, RAYON, TOKEN];
    let rate = |bound| field(CH5_RUN, bound, "throughput_per_s");
    let unbounded = || rate("experiment=channel_unbounded");
    let bounded = || rate("experiment=channel_bounded");
    vec![
        Claim::on(CH5, "the timeout drops only the *handle*, and the job runs to its end")
            .ran_on(CH5_RUN, SPAWN_BLOCKING).ran_on(CH5_RUN, RAYON),
        Claim::on(CH5, "A process can be stopped mid-step")
            .only_the_process_cuts(CH5_RUN, &others),
        Claim::on(CH5, "on an idle machine, inside the second step")
            .between(Count, "timeout: steps begun",
                     field(CH5_RUN, TIMEOUT, "steps_started"), 1.0, 3.0)
            .when(IDLE),
        Claim::on(CH5, "A timeout stops a future at an `.await`, never inside a step.")
            .stopped(CH5_RUN, TIMEOUT),
        Claim::on(CH5, "The blocking pool's and rayon's jobs run every step after their \
                        caller gave up")
            .ran_on(CH5_RUN, SPAWN_BLOCKING).ran_on(CH5_RUN, RAYON),
        Claim::on(CH5, "bounds the waste to the step in progress")
            .stopped(CH5_RUN, TOKEN),
        Claim::on(CH5, "Only a process stops mid-step")
            .only_the_process_cuts(CH5_RUN, &others),
        Claim::on(CH5, "loses the bytes it had read when the timer wins, and with them \
                        the framing of every message after; `read_buf` into a buffer \
                        kept outside the loop loses nothing")
            .cancel_safety(),
        Claim::on(CH5, "Without a bound, memory follows the queue.")
            .bound_keeps_memory_flat(CH5_RUN),
        Claim::on(CH5, "the consumer's rate, the throughput, is about the same both \
                        ways")
            .below(Times, "throughput, the faster way over the slower",
                   unbounded().max(bounded()) / unbounded().min(bounded()), SAME_RATE),
        Claim::on(CH5, "the requests that wait for a permit wait in the caller, and \
                        their latency says so")
            .permits_wait_in_the_caller(CH5_RUN),
    ]
}

#[rustfmt::skip]
fn chapter_5_python() -> Vec<Claim> {
    let begun = |way| field(PYTHON, way, "steps_started");
    vec![
        Claim::on(CH5_PYTHON, "The task learns of it at its `await`, as a \
                               `CancelledError`: no step starts after it.")
            .stopped(PYTHON, TIMEOUT),
        Claim::on(CH5_PYTHON, "So the step in flight runs on in its thread, as the Rust \
                               step does on the blocking pool.")
            .whole_steps(PYTHON, TIMEOUT).whole_steps(RUST, TIMEOUT),
        Claim::on(CH5_PYTHON, "The cancel still lands at an `await`, never inside a \
                               step, but later than it looks.")
            .whole_steps(PYTHON, ON_LOOP)
            .above(Count, "steps begun, on the loop against awaited", begun(ON_LOOP),
                   begun(TIMEOUT)),
        Claim::on(CH5_PYTHON, "`wait_for` times out, and the job does not notice")
            .ran_on(PYTHON, EXECUTOR),
        Claim::on(CH5_PYTHON, "A process is still the one thing that stops mid-step.")
            .only_the_process_cuts(PYTHON, &[TIMEOUT, ON_LOOP, EXECUTOR, TOKEN]),
    ]
}

#[rustfmt::skip]
fn results_page() -> Vec<Claim> {
    let others = [TIMEOUT, SPAWN_BLOCKING, RAYON, TOKEN];
    vec![
        Claim::on(RESULTS, "A timeout stops a future at its next `.await`; a blocking \
                            job runs on after its handle is dropped")
            .stopped(RUST, TIMEOUT).ran_on(RUST, SPAWN_BLOCKING),
        Claim::on(RESULTS, "A token checked between steps stops the job at a step's \
                            end; a killed process stops mid-step")
            .stopped(RUST, TOKEN).only_the_process_cuts(RUST, &others),
        Claim::on(RESULTS, "In a `select!` loop, `read_exact` loses messages; a buffer \
                            kept outside the loop loses none")
            .cancel_safety(),
        Claim::on(RESULTS, "A bounded channel keeps memory flat where an unbounded one \
                            grows")
            .bound_keeps_memory_flat(RUST),
        Claim::on(RESULTS, "Requests that wait for a `Semaphore`'s permit wait in the \
                            caller")
            .permits_wait_in_the_caller(RUST),
    ]
}
