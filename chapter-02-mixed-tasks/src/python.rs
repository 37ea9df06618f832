//! The article's loop in Python, timed on this machine, for comparison.
//!
//! The book compares one call of the workload in Rust and in the Python on
//! this machine. Both numbers are measured by the same program run, never
//! typed: this module runs `python3` (if there is one) on the article's loop
//! and reads back its version and its time.

use std::process::Command;
use std::time::Duration;

/// The article's loop, timed by Python itself, printing "version seconds".
const SCRIPT: &str = "import sys, time
limit = int(sys.argv[1])
start = time.perf_counter()
z = 1
for x in range(1, limit):
    z *= x
print(sys.version.split()[0], time.perf_counter() - start)";

/// One call of the article's loop in `python3`: its version and the faster
/// of `runs` timings, or `None` when there is no usable `python3`.
pub fn time_one_call(limit: u32, runs: usize) -> Option<(String, Duration)> {
    let mut best: Option<(String, Duration)> = None;
    for _ in 0..runs {
        let output = Command::new("python3")
            .args(["-c", SCRIPT, &limit.to_string()])
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        let text = String::from_utf8(output.stdout).ok()?;
        let (version, seconds) = text.trim().split_once(' ')?;
        let took = Duration::try_from_secs_f64(seconds.parse().ok()?).ok()?;
        if best.as_ref().is_none_or(|(_, fastest)| took < *fastest) {
            best = Some((version.to_string(), took));
        }
    }
    best
}
