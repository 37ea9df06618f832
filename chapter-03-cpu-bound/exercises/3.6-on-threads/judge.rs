//! 3.6's verdict: every call ran once, each on a thread of its own, and
//! they overlapped (required with two cores or more).

use crate::facts::{Facts, Verdict, fail, overlap_verdict};

pub(crate) const MEASURES: &str =
    "how many threads ran the calls, and how many were in progress at once";

pub(crate) const HINTS: &[&str] = &[
    "`std::thread::scope(|scope| ...)` joins every thread it started before it returns, so they may borrow `call`.",
    "In the scope: `for index in 0..calls { scope.spawn(move || call(index)); }`, one thread per call, joined by the scope at its end.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (calls, ran, threads) = (facts.get::<u64>("calls")?, facts.get::<Vec<u64>>("ran")?, facts.get::<u64>("threads")?);
    if ran != (0..calls).collect::<Vec<_>>() {
        return Err(fail(1, format!("the calls that ran were {ran:?}; each of 0..{calls} must run once")));
    }
    if facts.get::<u64>("ended_before_return")? < calls {
        return Err(fail(0, "your function returned before every call had finished"));
    }
    let measured = overlap_verdict(facts, if threads == 1 { 0 } else { 1 })?;
    if threads < calls {
        return Err(fail(
            1,
            format!("{measured}: the exercise asks for a thread per call, {calls} threads"),
        ));
    }
    Ok(measured)
}
