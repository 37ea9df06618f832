//! 3.8's verdict: every call ran and had ended when the function returned,
//! they overlapped, and the heartbeat never stopped for long: its longest
//! gap was under half the call's time.

use crate::facts::{Facts, Verdict, fail, overlap_verdict};

pub(crate) const MEASURES: &str =
    "the longest gap in a heartbeat during the calls, and the calls in progress at once";

pub(crate) const HINTS: &[&str] = &[
    "`tokio::task::spawn_blocking` needs a `'static` closure: clone the `Arc` into each one.",
    "Spawn them all first, collect the handles, then `.await` each handle.",
    "Await every handle before returning: a call still running when the function returns has not finished.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (calls, started, ended) =
        (facts.get::<u64>("calls")?, facts.get::<u64>("started")?, facts.get::<u64>("ended_before_return")?);
    if started != calls {
        return Err(fail(1, format!("{started} calls ran; all {calls} must run")));
    }
    if ended < calls {
        return Err(fail(
            2,
            format!("your function returned when {ended} of {calls} calls had finished"),
        ));
    }
    let (gap, took) = (facts.get::<u64>("gap_ms")?, facts.get::<u64>("call_ms")?);
    let beat = format!("the heartbeat's longest gap was {gap} ms in a call of {took} ms");
    if gap * 2 > took {
        return Err(fail(0, format!("{beat}: the calls held the runtime's only thread")));
    }
    let measured = overlap_verdict(facts, 1)?;
    Ok(format!("{measured}; {beat}"))
}
