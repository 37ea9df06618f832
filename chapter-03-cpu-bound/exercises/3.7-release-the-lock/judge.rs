//! 3.7's verdict: the total is right (no update lost) and the `work()`s
//! overlapped: the lock was held only to add.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str = "how many `work()`s were in progress at once, and the total";

pub(crate) const HINTS: &[&str] = &[
    "The guard that `lock()` returns holds the lock until it is dropped.",
    "Call `work()` first, into a local variable; then take the lock only to add it.",
    "Read and add under one guard: `*lock.lock().unwrap() += result;`. A total read under one guard and written under another loses the updates made in between.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (calls, works) = (facts.get::<u64>("calls")?, facts.get::<u64>("works")?);
    let (total, wanted, most) = (facts.get::<u64>("total")?, facts.get::<u64>("wanted")?, facts.get::<u64>("most")?);
    if works != calls {
        return Err(fail(1, format!("{works} work() calls for {calls} calls: each call runs work() once")));
    }
    if total != wanted {
        return Err(fail(
            2,
            format!(
                "a total of {total}, where the {calls} results add up to {wanted}: an \
                 update was lost, or a result never added"
            ),
        ));
    }
    let measured = format!("{calls} calls, at most {most} work() in progress at once");
    if most < 2 {
        return Err(fail(0, format!("{measured}: the lock was held while they worked, serialised")));
    }
    Ok(format!("{measured}, and the total right: the lock was released around the work"))
}
