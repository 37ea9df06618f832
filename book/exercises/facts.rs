//! The judging side's words: what a check's program measured (its facts,
//! by name) and the verdict a judge gives on them.

use std::collections::BTreeMap;

use serde_json::Value;

/// What the answer's program measured, by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts(pub BTreeMap<String, Value>);

/// Why a check did not pass: what it measured, and which of the exercise's
/// hints fits the mistake (`None`: none does, e.g. the answer panicked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What was measured and what that means, in words.
    pub measured: String,
    /// The hint for this mistake, counted from 0.
    pub hint: Option<usize>,
}

/// `Ok` with what was measured, or the failure.
pub type Verdict = Result<String, Failure>;

/// A failure whose mistake hint number `hint` (from 0) addresses.
pub fn fail(hint: usize, measured: impl Into<String>) -> Failure {
    Failure { measured: measured.into(), hint: Some(hint) }
}

impl Facts {
    /// The fact `name`, or a failure saying the check did not measure it.
    pub fn get(&self, name: &str) -> Result<&Value, Failure> {
        self.0.get(name).ok_or_else(|| Failure {
            measured: format!("the check did not measure `{name}`"),
            hint: None,
        })
    }

    /// A number.
    pub fn u64(&self, name: &str) -> Result<u64, Failure> {
        Ok(self.get(name)?.as_u64().unwrap_or_default())
    }

    /// A yes or no.
    pub fn bool(&self, name: &str) -> Result<bool, Failure> {
        Ok(self.get(name)?.as_bool().unwrap_or_default())
    }

    /// A text.
    pub fn text(&self, name: &str) -> Result<String, Failure> {
        Ok(self.get(name)?.as_str().unwrap_or_default().to_string())
    }

    /// A list of texts.
    pub fn texts(&self, name: &str) -> Result<Vec<String>, Failure> {
        let list = self.get(name)?.as_array().cloned().unwrap_or_default();
        Ok(list
            .iter()
            .map(|item| item.as_str().unwrap_or_default().to_string())
            .collect())
    }

    /// A list of numbers.
    pub fn numbers(&self, name: &str) -> Result<Vec<u64>, Failure> {
        let list = self.get(name)?.as_array().cloned().unwrap_or_default();
        Ok(list.iter().map(|item| item.as_u64().unwrap_or_default()).collect())
    }
}

/// Chapter 2's verdict, for a step measured beside a 10 ms ticker: the
/// product is right, and no tick waited for the step (more than half of
/// it); with `slices`, the step also gave the loop a turn at least every
/// 1 000 multiplications, as the lesson asks, which no load can blur. The
/// hints: for a ticker that waited for the step, for turns too rare, for a
/// wrong product.
pub fn ticks_verdict(facts: &Facts, slices: bool, hints: [usize; 3]) -> Verdict {
    let limit = facts.u64("limit")?;
    if !facts.bool("product_right")? {
        return Err(fail(
            hints[2],
            format!("the step's result is not product_below({limit})"),
        ));
    }
    let (ticks, worst, step) =
        (facts.u64("ticks")?, facts.u64("worst_ms")?, facts.u64("step_ms")?);
    let turns = facts.u64("turns")?;
    let mut measured = format!(
        "ticks every {} ms: {ticks} during one step of {step} ms, the worst \
         waited {worst} ms",
        facts.u64("period_ms")?,
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
    let (calls, threads) = (facts.u64("calls")?, facts.u64("threads")?);
    let (most, cores) = (facts.u64("most")?, facts.u64("cores")?);
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
