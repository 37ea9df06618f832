//! 1.2's verdict: the timer ran, and when it did, a spin was waiting on
//! the ready queue: `spin` had kept the loop busy by queueing itself.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str =
    "whether a spin was still queued when a 10 ms timer ran, and whether it ran";

pub(crate) const HINTS: &[&str] = &[
    "`spin` must schedule its own next run: the loop's `call_soon` takes a closure `FnOnce(&mut EventLoop)`.",
    "The closure must own what it uses: `move |event_loop| spin(event_loop, spins, timer_ran)`.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let counter = facts.get::<u64>("counter")?;
    if !facts.get::<bool>("timer_ran")? {
        return Err(fail(0, "the 10 ms timer never ran: the loop stopped without it"));
    }
    if facts.get::<u64>("ready_at_the_timer")? == 0 {
        return Err(fail(
            0,
            format!(
                "when the 10 ms timer ran, nothing was waiting on the ready queue: \
                 `spin` did not queue itself again, so nothing kept the loop busy \
                 (your counter said {counter}; the check looks at the loop instead)"
            ),
        ));
    }
    Ok(format!(
        "a spin was still queued when the 10 ms timer ran ({counter} spins by your \
         counter): the loop stayed busy, and the timer still ran"
    ))
}
