//! The CPU-bound run just measured, drawn as a timeline (`--pictures DIR`):
//! a group per place, each from its own start on one time scale; a lane per
//! thread (per worker for the tasks) with a bar for each stretch it was seen
//! computing ([`crate::observe::on_core`]); and the ticker's ticks, each
//! from when it was due to when it ran, the late ones red.

use std::thread::ThreadId;

use shared::draw::{self, Group, Kind, Lane, Tick, Timeline};
use shared::format;
use shared::ticker::late_after;

use crate::observe::on_core::GAP;
use crate::observe::timeline::Span;
use crate::observe::{Place, PlaceRun};
use crate::ticker::PERIOD;

/// The timeline of `runs`, one group per place, in the order they ran.
pub fn draw(runs: &[PlaceRun]) -> Timeline {
    let calls = runs.first().map_or(0, |run| run.asked);
    // The count the verdict rests on, so the picture and the report agree.
    let at_once: Vec<String> = runs
        .iter()
        .map(|run| format!("{} {}", run.place.name(), run.most_at_once))
        .collect();
    let mut picture = Timeline::new(format!("{calls} CPU-bound calls, four ways"))
        .name_kind(Kind::Cpu, "computing")
        .name_kind(Kind::Held, "computing, holding the GIL")
        .with_table()
        .note(format!(
            "Most calls at once, as the report counts them: {}.",
            at_once.join(", ")
        ))
        .note("Each place is drawn from its own start, on one scale.")
        .note(format!(
            "A bar: a thread computing; a pause over {} (off its core, or waiting \
             for the lock) cuts it.",
            format::duration(GAP)
        ))
        .note("A lane of over 40 bars is one shape: hover it for their count and total.")
        .note(format!(
            "A tick is late (red) when it ran over {} after it was due.",
            format::duration(late_after(PERIOD))
        ));
    for run in runs {
        picture = picture.group(group(run));
    }
    picture
}

/// One place's lanes: a lane per thread, or per worker and the ticker.
fn group(run: &PlaceRun) -> Group {
    let stretches = run.timeline.stretches();
    let calls = run.asked;
    let of_call = |call: usize| stretches.iter().filter(move |s| s.call == call);
    match run.place {
        Place::Loop => {
            let mut lane = lane("loop thread", stretches.iter(), Kind::Cpu);
            lane.ticks = ticks(run);
            Group::new(format!("loop: {calls} calls on one thread"), vec![lane])
        }
        Place::Threads | Place::Gil => {
            let (title, kind) = match run.place {
                Place::Gil => (format!("gil: {calls} threads, one lock"), Kind::Held),
                _ => (format!("threads: {calls} threads"), Kind::Cpu),
            };
            let lanes = (1..=calls)
                .map(|call| lane(&format!("thread {call}"), of_call(call), kind));
            Group::compact(title, lanes.collect())
        }
        Place::Tasks => {
            let threads = threads_in_order(&stretches);
            let workers = run.observed.workers.unwrap_or(0).max(threads.len());
            let mut lanes: Vec<Lane> = (0..workers)
                .map(|w| {
                    let mine =
                        stretches.iter().filter(|s| Some(&s.thread) == threads.get(w));
                    lane(&format!("worker {}", w + 1), mine, Kind::Cpu)
                })
                .collect();
            let mut ticker = Lane::new("ticker");
            ticker.ticks = ticks(run);
            lanes.push(ticker);
            Group::new(format!("tasks: {calls} tasks on {workers} workers"), lanes)
        }
    }
}

/// A lane called `name` with a bar per stretch.
fn lane<'a>(name: &str, stretches: impl Iterator<Item = &'a Span>, kind: Kind) -> Lane {
    let mut lane = Lane::new(name);
    lane.spans = stretches
        .map(|s| draw::Span::new(s.start, s.end, format!("call {}", s.call)).kind(kind))
        .collect();
    lane
}

/// The threads that computed, in the order they first did.
fn threads_in_order(stretches: &[Span]) -> Vec<ThreadId> {
    let mut by_start = stretches.to_vec();
    by_start.sort_by_key(|s| s.start);
    let mut threads: Vec<ThreadId> = Vec::new();
    for stretch in by_start {
        if !threads.contains(&stretch.thread) {
            threads.push(stretch.thread);
        }
    }
    threads
}

/// The ticker's ticks, drawn from due to ran, late as
/// [`shared::ticker::Lateness`] judges them.
fn ticks(run: &PlaceRun) -> Vec<Tick> {
    let since = |t| run.timeline.since_origin(t);
    let ticks = run.observed.ticks.iter().flatten();
    ticks
        .map(|tick| Tick {
            due: since(tick.due),
            ran: since(tick.ran),
            label: format!("tick {}", tick.number),
            late: tick.lateness() > late_after(PERIOD),
        })
        .collect()
}
