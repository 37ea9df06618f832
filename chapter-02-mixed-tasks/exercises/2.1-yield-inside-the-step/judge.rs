//! 2.1's verdict: the product is right and no tick was late by the
//! lesson's measure (`shared::ticker::late_after`): a tick waits for one
//! slice of 1 000 multiplications, never for the step.

use crate::facts::{Facts, Verdict, ticks_verdict};

pub(crate) const MEASURES: &str =
    "the turns your step gave the loop, and the longest wait of a 10 ms ticker";

pub(crate) const HINTS: &[&str] = &[
    "The function is `async`: it can `.await` between two multiplications.",
    "`if x % 1_000 == 0 { tokio::task::yield_now().await; }` inside the loop.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    ticks_verdict(facts, true, [0, 1, 1])
}
