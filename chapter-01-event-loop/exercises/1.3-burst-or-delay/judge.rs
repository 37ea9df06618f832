//! 1.3's verdict: the ticks must come as a callback that re-arms itself
//! would: one late tick after the stall, then one period after each.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str = "when each tick came after a stall, on tokio's paused clock";

pub(crate) const HINTS: &[&str] = &[
    "`MissedTickBehavior` has three values: `Burst`, `Delay` and `Skip`. Read what each does after a missed tick.",
    "The callback re-arms itself one period after it *ran*, whenever that was: which behaviour starts a new schedule from the late tick?",
];

const WANTED: [u64; 6] = [0, 1_750, 2_250, 2_750, 3_250, 3_750];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (behavior, ticks) = (facts.get::<String>("behavior")?, facts.get::<Vec<u64>>("ticks")?);
    let measured = format!("with {behavior}, ticks at {ticks:?} ms");
    if ticks == WANTED {
        return Ok(format!("{measured}: one late tick, then one period after each"));
    }
    let (hint, what) = match behavior.as_str() {
        "Burst" => (0, "the missed ticks came back to back, to catch up"),
        "Skip" => (1, "after the late tick it went back to the old schedule"),
        _ => (0, "not the rhythm of a callback that re-arms itself"),
    };
    Err(fail(hint, format!("{measured}: {what}; a callback that re-arms itself ticks at {WANTED:?} ms")))
}
