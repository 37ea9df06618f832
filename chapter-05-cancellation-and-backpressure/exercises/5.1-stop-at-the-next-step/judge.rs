//! 5.1's verdict: after the cancel, at most the step in progress finished
//! and none began; the function returned only once the chain had stopped,
//! with the number of steps that finished.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str =
    "the steps that began and finished after the token's cancel, and after your function returned";

pub(crate) const HINTS: &[&str] = &[
    "Before each step, look at `token.is_cancelled()` and return if it is: the step in progress finishes, no other begins.",
    "Look before every step, not once or every few: a cancel waits for the next look.",
    "Await the blocking job before returning: dropping its handle does not stop it, and a chain nobody waits for runs to its end.",
    "Return the number of steps that finished: the index of the step the chain did not begin.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (steps, finished) = (facts.get::<u64>("steps")?, facts.get::<u64>("finished")?);
    let cancel_in = facts.get::<u64>("cancel_in")?;
    if !facts.get::<bool>("cancelled")? {
        return Err(fail(
            0,
            format!(
                "your chain ran {finished} of {steps} steps and stopped before \
                 step {cancel_in}, where the check cancels the token"
            ),
        ));
    }
    let (began, after) = (facts.get::<u64>("began_after")?, facts.get::<u64>("finished_after")?);
    let (cpu, step) = (facts.get::<u64>("cpu_after_ms")?, facts.get::<u64>("step_ms")?);
    let measured = format!(
        "the token was cancelled in the middle of step {cancel_in} of {steps} \
         ({step} ms each): {after} step(s) finished after the cancel, {began} \
         began after it, {cpu} ms of CPU after it"
    );
    let at_return = facts.get::<u64>("finished_at_return")?;
    if finished > at_return {
        return Err(fail(
            2,
            format!(
                "{measured}; your function returned when {at_return} steps had \
                 finished, and {} more finished after it returned: the chain ran \
                 on, unstopped",
                finished - at_return
            ),
        ));
    }
    if after > 1 && finished == steps {
        let why = "the chain ran to its end: the token is not looked at between steps";
        return Err(fail(0, format!("{measured}: {why}")));
    }
    if after > 1 {
        let why = "the chain stopped, but not at the next step: the token is looked \
                   at too rarely";
        return Err(fail(1, format!("{measured}: {why}")));
    }
    let returned = facts.get::<u64>("returned")?;
    if returned != finished {
        return Err(fail(
            3,
            format!("{measured}; your function returned {returned}, but {finished} steps finished"),
        ));
    }
    Ok(format!("{measured}: the chain stopped at the next step"))
}
