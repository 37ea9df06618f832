//! 1.1's verdict: the prediction must be the order the loop ran; a wrong
//! one is named at the first callback where it parts from the loop, with
//! the hint for the rule it missed.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str = "the order the loop ran the callbacks in";

pub(crate) const HINTS: &[&str] = &[
    "`call_soon` puts a callback on the ready queue; `call_later` puts a timer on a heap ordered by deadline.",
    "Each pass runs the ready queue first, first in first out, then the timers that are due.",
    "Two `call_soon`s run in the order they were made, before any timer; the timers run by deadline, not in the order they were made.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (predicted, ran) = (facts.get::<Vec<String>>("predicted")?, facts.get::<Vec<String>>("ran")?);
    if predicted == ran {
        return Ok(format!("the loop ran {ran:?}, as you predicted"));
    }
    let same = predicted.iter().zip(&ran).take_while(|(a, b)| a == b).count();
    let Some(said) = predicted.get(same) else {
        return Err(fail(0, format!("the loop ran {} callbacks: {ran:?}; you named {same}", ran.len())));
    };
    let first_timer = predicted.iter().position(|name| name.ends_with("ms"));
    let last_soon = predicted.iter().rposition(|name| name.starts_with("soon"));
    // Which rule the prediction broke: made order, timers first, or timers
    // not by deadline.
    let hint = match (first_timer, last_soon) {
        (Some(timer), Some(soon)) if timer < soon && same == 0 && said == "30 ms" => 0,
        (Some(timer), Some(soon)) if timer < soon => 1,
        _ => 2,
    };
    let loop_ran = match ran.get(same) {
        Some(next) => format!("the loop ran {next:?}"),
        None => "the loop had run all its callbacks".to_string(),
    };
    Err(fail(
        hint,
        format!(
            "the loop's order matches yours for the first {same} of {}; then you said \
             {said:?}, and {loop_ran}",
            ran.len()
        ),
    ))
}
