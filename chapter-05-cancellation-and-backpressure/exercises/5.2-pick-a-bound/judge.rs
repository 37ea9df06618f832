//! 5.2's verdict: every item reached the consumer; at most 200 were in
//! flight at once; and the pipeline took at most a ninth longer than the
//! unbounded one in the same run (throughput within 90% of it).

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str =
    "the most items in flight, and the throughput against the unbounded run's";

pub(crate) const HINTS: &[&str] = &[
    "`tokio::sync::mpsc::channel(bound)` holds at most `bound` items, and `sender.send(item).await` waits while it is full.",
    "A bound too small (or a producer slowed by a sleep) leaves the consumer idle while the producer pauses between bursts: give the channel room for a burst (100 items).",
    "Wait for room with `send(item).await`; `try_send` fails when the channel is full, and an item dropped then never reaches the consumer.",
];

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (items, made, received) =
        (facts.get::<u64>("items")?, facts.get::<u64>("made")?, facts.get::<u64>("received")?);
    if made < items {
        return Err(fail(
            0,
            format!("your pipeline took {made} of the producer's {items} items"),
        ));
    }
    if received < made {
        return Err(fail(
            2,
            format!(
                "{received} of {items} items reached the consumer: {} were \
                 dropped on the way",
                made - received
            ),
        ));
    }
    let (peak, limit, baseline_peak) =
        (facts.get::<u64>("peak")?, facts.get::<u64>("limit")?, facts.get::<u64>("baseline_peak")?);
    let kib = peak * facts.get::<u64>("item_bytes")? / 1_024;
    let held = format!(
        "at most {peak} items ({kib} KiB) were in flight, against {limit} \
         allowed (the unbounded run: {baseline_peak})"
    );
    if peak > limit {
        let why = "the queue grew with the producer";
        return Err(fail(0, format!("{held}: {why}")));
    }
    let (took, baseline) = (facts.get::<u64>("ms")?, facts.get::<u64>("baseline_ms")?.max(1));
    let share = baseline * 100 / took.max(1);
    let pace = format!(
        "{items} items took {took} ms, against {baseline} ms unbounded: \
         {share}% of its throughput (90% needed)"
    );
    if took * 9 > baseline * 10 {
        let why = "the consumer sat idle, waiting for items";
        return Err(fail(1, format!("{held}; {pace}: {why}")));
    }
    Ok(format!("{held}; {pace}"))
}
