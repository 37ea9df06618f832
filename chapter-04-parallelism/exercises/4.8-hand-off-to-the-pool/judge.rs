//! 4.8's verdict: the product is right, and the heartbeat never stopped
//! for long: its longest gap was under half the call's time.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str = "the longest gap in a heartbeat while the pool computes";

pub(crate) const HINTS: &[&str] = &[
    "`pool.spawn` runs a closure on the pool and returns at once; the closure needs a way to send the answer back.",
    "`let (sender, answer) = tokio::sync::oneshot::channel();`, send from the pool's closure, then `answer.await`: awaiting lets the loop run meanwhile, where a blocking `recv` does not.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let limit = facts.get::<u64>("limit")?;
    if !facts.get::<bool>("product_right")? {
        return Err(fail(1, format!("the answer is not product_below({limit})")));
    }
    let (gap, took, beats) = (facts.get::<u64>("gap_ms")?, facts.get::<u64>("call_ms")?, facts.get::<u64>("beats")?);
    let measured = format!(
        "the heartbeat beat {beats} times during a call of {took} ms, its longest gap {gap} ms"
    );
    if gap * 2 > took {
        let hint = if beats == 0 { 0 } else { 1 };
        return Err(fail(hint, format!("{measured}: the loop was blocked while the pool computed")));
    }
    Ok(format!("{measured}: the loop stayed free while the pool computed"))
}
