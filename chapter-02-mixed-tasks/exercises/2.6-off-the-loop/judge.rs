//! 2.6's verdict: the product is right and no tick was late by the
//! lesson's measure: the step ran off the loop's thread.

use crate::facts::{Facts, Verdict, ticks_verdict};

pub(crate) const MEASURES: &str = "how long a 10 ms ticker waited beside one step";

pub(crate) const HINTS: &[&str] = &[
    "`tokio::task::spawn_blocking` runs a closure on tokio's blocking pool and returns a handle you can `.await`.",
    "The closure must own `limit`: `spawn_blocking(move || product_below(limit)).await`, then unwrap the `JoinError`.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    ticks_verdict(facts, false, [0, 0, 1])
}
