//! 1.5's verdict: `Pending` once having woken its task, then `Ready`; and
//! on the loop the two tasks take turns around the queued callback.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str =
    "what two polls of your future return, and the order of the tasks' steps";

pub(crate) const HINTS: &[&str] = &[
    "Write a struct with a `yielded: bool` field and implement `Future` for it; return it from `yield_now`.",
    "The first poll sets `yielded` and returns `Poll::Pending`; the second returns `Poll::Ready(())`.",
    "Nobody else will wake the task: call `context.waker().wake_by_ref()` before returning `Pending`.",
];

const WANTED: [&str; 5] = ["a1", "b1", "callback", "a2", "b2"];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (first, second) = (facts.get::<String>("first")?, facts.get::<String>("second")?);
    let woken = facts.get::<u64>("woken")?;
    if first == "Ready" {
        return Err(fail(0, "the first poll returned Ready: the task never gives the loop a turn"));
    }
    if woken == 0 {
        return Err(fail(
            2,
            "the first poll returned Pending and nothing woke the task: it would wait forever",
        ));
    }
    if second == "Pending" {
        return Err(fail(1, "Pending, then Pending again: it must be Ready on the second poll"));
    }
    let order = facts.get::<Vec<String>>("order")?;
    if order != WANTED {
        return Err(fail(2, format!("on the loop the steps ran {order:?}; wanted {WANTED:?}")));
    }
    Ok(format!(
        "Pending once (woken {woken} time), then Ready; on the loop the steps ran \
         {order:?}: the tasks took turns"
    ))
}
