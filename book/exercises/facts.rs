//! The judging side's words: what a check's program measured (its facts,
//! by name) and the verdict a judge gives on them.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// What the answer's program measured, by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts(pub BTreeMap<String, Value>);

/// Why a check did not pass: what was measured and what that means, in
/// words, and the hint (counted from 0) for the mistake, if one fits (none
/// does when the answer panicked, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub measured: String,
    pub hint: Option<usize>,
}

/// `Ok` with what was measured, or the failure.
pub type Verdict = Result<String, Failure>;

/// A failure whose mistake hint number `hint` (from 0) addresses.
pub fn fail(hint: usize, measured: impl Into<String>) -> Failure {
    Failure { measured: measured.into(), hint: Some(hint) }
}

impl Facts {
    /// The fact `name` as a `T` (`u64`, `bool`, `String`, `Vec<u64>`...),
    /// or a failure saying the check did not measure it.
    pub fn get<T: DeserializeOwned>(&self, name: &str) -> Result<T, Failure> {
        let value = self.0.get(name).cloned().unwrap_or_default();
        serde_json::from_value(value).map_err(|_| Failure {
            measured: format!("the check did not measure `{name}`"),
            hint: None,
        })
    }
}

/// Chapter 2's verdict, for a step measured beside a 10 ms ticker: the
/// product is right, and no tick waited for the step (more than half of
/// it); with `slices`, the step also gave the loop a turn at least every
/// 1 000 multiplications, as the lesson asks, which no load can blur. The
/// hints: for a ticker that waited for the step, for turns too rare, for a
/// wrong product.
pub fn ticks_verdict(facts: &Facts, slices: bool, hints: [usize; 3]) -> Verdict {
    let limit = facts.get::<u64>("limit")?;
    if !facts.get::<bool>("product_right")? {
        return Err(fail(
            hints[2],
            format!("the step's result is not product_below({limit})"),
        ));
    }
    let (ticks, worst, step) = (
        facts.get::<u64>("ticks")?,
        facts.get::<u64>("worst_ms")?,
        facts.get::<u64>("step_ms")?,
    );
    let turns = facts.get::<u64>("turns")?;
    let mut measured = format!(
        "ticks every {} ms: {ticks} during one step of {step} ms, the worst \
         waited {worst} ms",
        facts.get::<u64>("period_ms")?,
    );
    if slices {
        let every = match turns {
            0 => String::new(),
            turns => format!(" (one every {})", (limit - 1) / turns),
        };
        measured.push_str(&format!(
            "; the step gave the loop {turns} turns in {} multiplications{every}",
            limit - 1
        ));
        if turns > 0 && (turns + 1) * 1_000 < limit {
            let why = "too rare, a tick may wait for a slice of many thousand";
            return Err(fail(hints[1], format!("{measured}: {why}")));
        }
    }
    if worst * 2 > step {
        return Err(fail(
            hints[0],
            format!("{measured}: the ticker waited for the step"),
        ));
    }
    Ok(format!("{measured}: the step did not hold up the loop"))
}

/// Chapter 3's words on calls that ran: on how many threads, how many at
/// once; a failure (with `hint`) when they ran one after another.
pub fn overlap_verdict(facts: &Facts, hint: usize) -> Verdict {
    let (calls, threads) = (facts.get::<u64>("calls")?, facts.get::<u64>("threads")?);
    let (most, cores) = (facts.get::<u64>("most")?, facts.get::<u64>("cores")?);
    let measured =
        format!("{calls} calls ran on {threads} thread(s), at most {most} at once");
    if most < 2 {
        return Err(fail(hint, format!("{measured}: one after another, serialised")));
    }
    if cores < 2 {
        return Ok(format!(
            "{measured}: time-sliced (one core here, so overlap is not required)"
        ));
    }
    Ok(format!("{measured}: parallel on {cores} cores"))
}
