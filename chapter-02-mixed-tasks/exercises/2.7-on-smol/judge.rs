//! 2.7's verdict: the product is right and no tick was late by the
//! lesson's measure: the step ran on smol's blocking pool.

use crate::facts::{Facts, Verdict, ticks_verdict};

pub(crate) const MEASURES: &str =
    "how late a 10 ms ticker on smol's executor ran beside one step";

pub(crate) const HINTS: &[&str] = &[
    "smol re-exports the `blocking` crate's `unblock`; `smol::spawn` runs a task on smol's executor, the ticker's thread.",
    "`smol::unblock(move || product_below(limit)).await`.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    ticks_verdict(facts, false, [0, 0, 1])
}
