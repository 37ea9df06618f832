//! What the program prints: for the runs, a header per run, a line per
//! thing the jobs did, and a summary whose verdict comes from
//! [`crate::observe`]; for the places comparison, its table ([`places`]).
//! Every line fits 80 columns, and the lesson's word (LATE, on time) comes
//! early in its line.

pub mod places;

use std::time::{Duration, Instant};

use shared::format::{duration, seconds};
use shared::ticker::{Ended, SCHEDULER_SLACK, Tick, late_after};

use crate::observe::calibrate::{Calibration, TARGET};
use crate::observe::{Measured, Plan, Seen, Summary};
use crate::place::Place;
use crate::runtimes::{Runtime, tokio_multi_thread};

/// The step size the program measured and chose.
pub fn calibration(chosen: &Calibration) -> String {
    let (limit, probe) = (chosen.limit, chosen.probe_limit);
    let (target, took) = (duration(TARGET), duration(chosen.probe_took));
    format!("Step size: limit {limit} for about {target} (limit {probe} took {took})")
}

/// The lines that say what a run is about to do: what drives the jobs, where
/// the CPU steps run, and how the ticks go.
pub fn header(plan: &Plan) -> [String; 3] {
    let runtime = match plan.runtime {
        Runtime::Tokio => "tokio's current-thread runtime, each job its own task",
        Runtime::AsyncStd => "async-std (discontinued upstream), joined in one task",
        Runtime::Smol => "smol's local executor, each job its own task",
        Runtime::TokioMultiThread => "tokio's multi-thread runtime, joined in one task",
    };
    let place = match (plan.place, plan.runtime) {
        (Place::Loop, Runtime::TokioMultiThread) => "on the worker that runs the task",
        (Place::Loop, _) => "on the loop's own thread",
        (Place::BlockingPool, Runtime::AsyncStd) => "off the loop, on its blocking pool",
        (Place::BlockingPool, Runtime::Smol) => "off the loop, with unblock",
        (Place::BlockingPool, _) => "off the loop, with spawn_blocking",
        (Place::Rayon, _) => "off the loop, on rayon's pool",
        (other, _) => place_name(other),
    };
    let end = plan.ticks.map_or("until Ctrl-C".to_string(), |n| format!("{n} ticks"));
    let (every, wait) = (duration(plan.interval), duration(plan.interval / 2));
    let (limit, seed) = (plan.limit, plan.seed);
    [
        format!("Three jobs on {runtime}."),
        format!("The CPU steps (limit {limit}) run {place}."),
        format!("A tick every {every}, random waits up to {wait} (seed {seed}); {end}."),
    ]
}

/// The line for one thing the jobs did; times count from `start`, and a
/// tick is judged against `interval`.
pub fn line(seen: &Seen, start: Instant, interval: Duration) -> String {
    match *seen {
        Seen::Tick { tick, gap } => tick_line(&tick, gap, start, interval),
        Seen::Wait { number, wait } => {
            format!("    random wait {number}: {}", seconds(wait))
        }
        Seen::StepStarted { number, limit } => {
            format!("    cpu step {number}: the product of 1..{limit}")
        }
        Seen::StepDone { number, took, bits } => {
            format!("    cpu step {number}: done in {} ({bits} bits)", duration(took))
        }
    }
}

// ANCHOR: tick_line
/// One tick, verdict first: `tick 2  LATE by 1.557 s  (due 4.002 s, ...)`.
pub fn tick_line(
    tick: &Tick,
    gap: Option<Duration>,
    start: Instant,
    interval: Duration,
) -> String {
    let verdict = if tick.lateness() > late_after(interval) {
        format!("LATE by {}", duration(tick.lateness()))
    } else {
        "on time".to_string()
    };
    let gap = gap.map(|gap| format!(", gap {}", seconds(gap))).unwrap_or_default();
    let since = |at: Instant| seconds(at.saturating_duration_since(start));
    let (due, ran) = (since(tick.due), since(tick.ran));
    format!("tick {}  {verdict}  (due {due}, ran {ran}{gap})", tick.number)
}
// ANCHOR_END: tick_line

/// The words for a place in the places' table and the header.
pub fn place_name(place: Place) -> &'static str {
    match place {
        Place::Loop => "the loop",
        Place::BlockingPool => "spawn_blocking",
        Place::BlockInPlace => "block_in_place",
        Place::Rayon => "rayon pool",
        Place::Thread => "own thread",
        Place::SecondRuntime => "2nd runtime",
    }
}

/// What late means for ticks every `interval`, in words.
pub fn late_means(interval: Duration) -> String {
    let threshold = late_after(interval);
    let why = if threshold == SCHEDULER_SLACK && interval / 4 < threshold {
        "the least the course calls late".to_string()
    } else {
        format!("a quarter of the {} interval", duration(interval))
    };
    format!("more than {} past due, {why}", duration(threshold))
}

// ANCHOR: summary
/// The summary of a run: counts, the step and the interval measured, the
/// ticks that fell due during a step, and the verdict, in what was measured.
pub fn summary(measured: &Measured, summary: &Summary) -> Vec<String> {
    let plan = &measured.plan;
    let ended = match measured.ended {
        Ended::Done => "done",
        Ended::Stopped => "stopped by Ctrl-C",
    };
    let lateness = &summary.lateness;
    let (late, ticks) = (lateness.late, lateness.ticks);
    let plural = if ticks == 1 { "" } else { "s" };
    let mut lines = vec![
        format!("{ended}: {ticks} tick{plural}, {late} late, {} on time", ticks - late),
        format!("  late: {}", late_means(plan.interval)),
    ];
    if let Some(waiting) = summary.waiting {
        let (number, late) = (waiting.number, duration(waiting.lateness()));
        lines.push(format!(
            "  tick {number} fell due and was still waiting when stopped: {late} late"
        ));
    }
    let worst = duration(lateness.worst);
    lines.push(match (summary.step, summary.worst_in_steps()) {
        (Some(step), Some(steps)) => format!(
            "  worst lateness {worst}, {steps:.2}× one CPU step ({} median)",
            duration(step)
        ),
        _ => format!("  worst lateness {worst}; no CPU step finished"),
    });
    let (due_in_step, after) = (summary.due_in_step, summary.ran_after_step);
    lines.push(format!(
        "  {due_in_step} of {ticks} fell due during a CPU step; {after} of those ran after it ended"
    ));
    if let Some(overshoot) = summary.overshoot {
        lines.push(format!(
            "  the random waits overshot by up to {}",
            duration(overshoot)
        ));
    }
    if plan.runtime == Runtime::TokioMultiThread {
        let (workers, busy) = (tokio_multi_thread::workers(), measured.cost.cores_used());
        lines.push(format!(
            "  {workers} worker threads; the process kept {busy:.2} cores busy"
        ));
    }
    let threshold = duration(lateness.late_after);
    lines.push(if lateness.on_time() {
        format!("verdict: on time: no tick ran more than {threshold} past due.")
    } else {
        format!(
            "verdict: LATE: {late} of {ticks} ticks ran more than {threshold} past due."
        )
    });
    lines
}
// ANCHOR_END: summary
