//! 4.6's verdict: the results came back in input order, and the calls
//! overlapped; a wrong order is named: finish order, or sorted by value.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str = "the order the calls finished in, and the order of the results";

pub(crate) const HINTS: &[&str] = &[
    "The channel delivers results in the order they were sent, which is the order the calls finished.",
    "Send the input's index with its result, `(index, work(input))`, and put each result at its index in a `Vec` of the right length.",
    "Sorting the results sorts them by value, which says nothing of the inputs they came from: keep each result's index.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let finished = facts.get::<Vec<u64>>("finished")?;
    let came_for: Vec<Option<u64>> = facts.get("came_for")?;
    let most = facts.get::<u64>("most")?;
    let measured = format!("the calls finished in the order {finished:?}, at most {most} at once");
    let in_order: Vec<Option<u64>> = (0..finished.len() as u64).map(Some).collect();
    if came_for != in_order {
        let order: Vec<String> = came_for
            .iter()
            .map(|input| input.map_or("?".to_string(), |input| input.to_string()))
            .collect();
        let got = format!("{measured}; the results came for the inputs [{}]", order.join(", "));
        let finish_order: Vec<Option<u64>> = finished.iter().copied().map(Some).collect();
        return Err(if came_for == finish_order {
            fail(0, format!("{got}: the order the calls finished in"))
        } else if came_for.iter().all(Option::is_some) && came_for.len() == finished.len() {
            fail(2, format!("{got}: not call order (sorted by value?)"))
        } else {
            fail(1, format!("{got}: each input needs its own result"))
        });
    }
    if most < 2 {
        return Err(fail(1, format!("{measured}: one at a time, not a pool")));
    }
    Ok(format!("{measured}; the results came back in call order"))
}
