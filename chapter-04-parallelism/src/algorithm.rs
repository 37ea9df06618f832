//! A better algorithm against more cores.
//!
//! The sweep shows that N cores give at most N times the speed. This module
//! asks the question a performance engineer asks first: is the work itself
//! done well? It runs the same calls four ways, the loop on one core and on
//! all of them, the product tree on one core, and the parallel tree on all
//! cores, and compares each with the loop on one core. The trees live in
//! `shared::product_tree`, whose docs explain why they win.

use std::time::Duration;

use clap::ValueEnum;
use num_bigint::BigUint;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use shared::measure::{Measurement, Stopwatch};
use shared::{product_tree, workload};

/// How one call computes the product of the integers in `1..limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Algorithm {
    /// The article's loop: one small factor at a time.
    Loop,
    /// A balanced product tree, on the calling thread.
    Tree,
    /// The product tree, its halves on all the pool's threads.
    ParallelTree,
}

// ANCHOR: algorithm
impl Algorithm {
    /// The product of every integer in `1..limit`: the same number every way.
    pub fn product(self, limit: u32) -> BigUint {
        match self {
            Algorithm::Loop => workload::product_below(limit),
            Algorithm::Tree => product_tree::product_tree(limit),
            Algorithm::ParallelTree => product_tree::parallel_product_tree(limit),
        }
    }
}
// ANCHOR_END: algorithm

impl Algorithm {
    /// Every algorithm, in `--help` order.
    pub const ALL: [Algorithm; 3] =
        [Algorithm::Loop, Algorithm::Tree, Algorithm::ParallelTree];

    /// Its name on the command line and in the worker protocol.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Loop => "loop",
            Algorithm::Tree => "tree",
            Algorithm::ParallelTree => "parallel-tree",
        }
    }
}

impl std::str::FromStr for Algorithm {
    type Err = String;

    /// The algorithm named `name`, or a sentence that lists the known ones.
    fn from_str(name: &str) -> Result<Self, String> {
        Algorithm::ALL.into_iter().find(|a| a.name() == name).ok_or_else(|| {
            let known: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
            format!("unknown algorithm {name:?} (known: {})", known.join(", "))
        })
    }
}

/// One row of the comparison: an algorithm, and how the calls were spread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// The loop, the calls one after another on one core.
    LoopOneCore,
    /// The loop, the calls spread over a pool of one thread per core.
    LoopAllCores,
    /// The tree, the calls one after another on one core.
    TreeOneCore,
    /// The parallel tree, the calls one after another, each on every core.
    ParallelTreeAllCores,
}

impl Way {
    /// The four rows, baseline first.
    pub const ALL: [Way; 4] = [
        Way::LoopOneCore,
        Way::LoopAllCores,
        Way::TreeOneCore,
        Way::ParallelTreeAllCores,
    ];

    /// The record's `variant`.
    pub fn variant(self) -> &'static str {
        match self {
            Way::LoopOneCore => "loop-1-core",
            Way::LoopAllCores => "loop-all-cores",
            Way::TreeOneCore => "tree-1-core",
            Way::ParallelTreeAllCores => "parallel-tree-all-cores",
        }
    }

    /// The row's name in the table.
    pub fn label(self, cores: usize) -> String {
        match self {
            Way::LoopOneCore => "loop, 1 core".to_string(),
            Way::LoopAllCores => format!("loop, {cores} cores"),
            Way::TreeOneCore => "tree, 1 core".to_string(),
            Way::ParallelTreeAllCores => format!("parallel tree, {cores} cores"),
        }
    }

    /// The threads of its pool: one, or one per core.
    pub fn threads(self, cores: usize) -> usize {
        match self {
            Way::LoopOneCore | Way::TreeOneCore => 1,
            Way::LoopAllCores | Way::ParallelTreeAllCores => cores,
        }
    }

    /// The algorithm each call uses.
    pub fn algorithm(self) -> Algorithm {
        match self {
            Way::LoopOneCore | Way::LoopAllCores => Algorithm::Loop,
            Way::TreeOneCore => Algorithm::Tree,
            Way::ParallelTreeAllCores => Algorithm::ParallelTree,
        }
    }
}

/// One way, measured.
#[derive(Debug, Clone)]
pub struct WayRun {
    /// Which way.
    pub way: Way,
    /// Wall and CPU time of all the calls.
    pub measurement: Measurement,
    /// The fingerprint (bit length) of every call's product, in call order.
    pub fingerprints: Vec<u64>,
}

impl WayRun {
    /// Wall time of one call, on average.
    pub fn per_call(&self) -> Duration {
        self.measurement.wall / self.fingerprints.len().max(1) as u32
    }
}

// ANCHOR: run_way
/// Runs `calls` calls of the product below `limit` one way, on `pool` (one
/// thread, or one per core): the loop's calls share the pool out between
/// them, the parallel tree splits each call across it.
pub fn run_way(way: Way, pool: &ThreadPool, calls: usize, limit: u32) -> Vec<u64> {
    let algorithm = way.algorithm();
    let call = |_| workload::fingerprint(&algorithm.product(limit));
    pool.install(|| match way {
        Way::LoopAllCores => {
            (0..calls).into_par_iter().with_max_len(1).map(call).collect()
        }
        _ => (0..calls).map(call).collect(),
    })
}
// ANCHOR_END: run_way

/// One way, measured: its pool is built first, then `run_way` is timed.
pub fn measure_way(
    way: Way,
    calls: usize,
    limit: u32,
    cores: usize,
) -> Result<WayRun, rayon::ThreadPoolBuildError> {
    let pool = ThreadPoolBuilder::new().num_threads(way.threads(cores)).build()?;
    let stopwatch = Stopwatch::start();
    let fingerprints = run_way(way, &pool, calls, limit);
    Ok(WayRun { way, measurement: stopwatch.stop(), fingerprints })
}

/// The four ways, measured in order; as each finishes, `progress` sees every
/// row so far.
pub fn compare(
    calls: usize,
    limit: u32,
    cores: usize,
    mut progress: impl FnMut(&[WayRun]),
) -> Result<Vec<WayRun>, rayon::ThreadPoolBuildError> {
    let mut rows = Vec::new();
    for way in Way::ALL {
        rows.push(measure_way(way, calls, limit, cores)?);
        progress(&rows);
    }
    Ok(rows)
}

/// How many times faster than the baseline (the first row).
pub fn speedup(rows: &[WayRun], row: &WayRun) -> f64 {
    let base = rows.first().map_or(row.measurement.wall, |r| r.measurement.wall);
    base.as_secs_f64() / row.measurement.wall.as_secs_f64().max(f64::EPSILON)
}

// ANCHOR: summary
/// The lesson in words, each line led by what it shows.
pub fn summary(rows: &[WayRun], cores: usize) -> Vec<String> {
    let find = |way| rows.iter().find(|r| r.way == way);
    let mut lines = Vec::new();
    let first = rows.first().and_then(|r| r.fingerprints.first());
    let agree = rows.iter().all(|r| r.fingerprints.iter().all(|f| Some(f) == first));
    lines.push(match (agree, first) {
        (true, Some(bits)) => {
            format!("same product: all {} ways gave {bits}-bit results", rows.len())
        }
        _ => "DIFFERENT products: the ways disagree, the comparison is void".to_string(),
    });
    if let Some(row) = find(Way::LoopAllCores) {
        lines.push(format!(
            "more cores: the loop on {cores} cores is {:.2}× the loop on 1 core",
            speedup(rows, row)
        ));
    }
    if let Some(row) = find(Way::TreeOneCore) {
        lines.push(format!(
            "better algorithm: the tree on 1 core is {:.2}× the loop on 1 core",
            speedup(rows, row)
        ));
    }
    if let (Some(tree), Some(parallel)) =
        (find(Way::TreeOneCore), find(Way::ParallelTreeAllCores))
    {
        let gain = tree.measurement.wall.as_secs_f64()
            / parallel.measurement.wall.as_secs_f64().max(f64::EPSILON);
        lines.push(format!(
            "both: the parallel tree on {cores} cores is {gain:.2}× the tree on 1 core"
        ));
    }
    lines
}
// ANCHOR_END: summary

#[cfg(test)]
mod tests {
    use super::*;

    /// Every algorithm gives the loop's product, at a size where the trees
    /// really split (and the parallel tree really hands halves to threads).
    #[test]
    fn every_algorithm_gives_the_loops_product() {
        let expected = workload::product_below(6_000);
        for algorithm in [Algorithm::Loop, Algorithm::Tree, Algorithm::ParallelTree] {
            assert_eq!(algorithm.product(6_000), expected, "{algorithm:?}");
        }
    }

    /// Each way runs every call, and reports the same fingerprint for each.
    #[test]
    fn each_way_runs_every_call() {
        for way in Way::ALL {
            let row = measure_way(way, 3, 21, 2).unwrap();
            assert_eq!(row.fingerprints, [62, 62, 62], "{way:?}: 20! has 62 bits");
        }
    }
}
