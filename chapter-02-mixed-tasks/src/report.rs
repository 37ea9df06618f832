//! What the program prints: a header per run, a line per event, and a
//! summary whose verdict comes from [`crate::observe`]. Every line fits 80
//! columns, and the lesson's word (LATE, on time) comes early in its line.

use std::time::Duration;

use shared::format::{duration, seconds};

use crate::observe::calibrate::{Calibration, TARGET};
use crate::observe::{self, Measured, Run, Seen, Summary, Tick};
use crate::place::Place::{OnLoop, Pool, Rayon};
use crate::runtimes::{Runtime, tokio_multi_thread};
use crate::ticker::StopReason;

/// The step size the program measured and chose.
pub fn calibration(chosen: &Calibration) -> String {
    let (limit, probe) = (chosen.limit, chosen.probe_limit);
    let (target, took) = (duration(TARGET), duration(chosen.probe_took));
    format!("Step size: limit {limit} for about {target} (limit {probe} took {took})")
}

/// The lines that say what a run is about to do: what drives the jobs, where
/// the CPU steps run, and how the ticks go.
pub fn header(run: &Run) -> [String; 3] {
    let runtime = match run.runtime {
        Runtime::Tokio => "tokio's current-thread runtime, each job its own task",
        Runtime::AsyncStd => "async-std (discontinued upstream), joined in one task",
        Runtime::Smol => "smol's local executor, each job its own task",
        Runtime::TokioMultiThread => "tokio's multi-thread runtime, joined in one task",
    };
    let place = match (run.place, run.runtime) {
        (OnLoop, Runtime::TokioMultiThread) => "on the worker that runs the task",
        (OnLoop, _) => "on the loop's own thread",
        (Pool, Runtime::AsyncStd) => "off the loop, on its blocking pool",
        (Pool, Runtime::Smol) => "off the loop, with unblock",
        (Pool, _) => "off the loop, with spawn_blocking",
        (Rayon, _) => "off the loop, on rayon's pool",
    };
    let end = run.ticks.map_or("until Ctrl-C".to_string(), |n| format!("{n} ticks"));
    let (every, wait) = (duration(run.interval), duration(run.interval / 2));
    let (limit, seed) = (run.limit, run.seed);
    [
        format!("Three jobs on {runtime}."),
        format!("The CPU steps (limit {limit}) run {place}."),
        format!("A tick every {every}, random waits up to {wait} (seed {seed}); {end}."),
    ]
}

/// The line for one event.
pub fn line(seen: &Seen, late_after: Duration) -> String {
    match *seen {
        Seen::Tick(tick) => tick_line(&tick, late_after),
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
pub fn tick_line(tick: &Tick, late_after: Duration) -> String {
    let verdict = if observe::is_late(tick, late_after) {
        format!("LATE by {}", duration(observe::lateness(tick)))
    } else {
        "on time".to_string()
    };
    let gap = tick.gap.map(|gap| format!(", gap {}", seconds(gap))).unwrap_or_default();
    let (due, ran) = (seconds(tick.due), seconds(tick.ran));
    format!("tick {}  {verdict}  (due {due}, ran {ran}{gap})", tick.number)
}
// ANCHOR_END: tick_line

// ANCHOR: summary
/// The summary of a run: counts, the worst lateness next to one CPU step,
/// and the verdict in words.
pub fn summary(measured: &Measured, summary: &Summary) -> Vec<String> {
    let run = &measured.run;
    let ended = match measured.stop {
        StopReason::TicksDone => "done",
        StopReason::CtrlC => "stopped by Ctrl-C",
    };
    let (late, ticks) = (summary.late, summary.ticks);
    let plural = if ticks == 1 { "" } else { "s" };
    let mut lines = vec![format!(
        "{ended}: {ticks} tick{plural}, {late} late, {} on time (late: more than {})",
        ticks - late,
        duration(run.late_after)
    )];
    if let Some(waiting) = summary.waiting {
        let (number, late) = (waiting.number, duration(waiting.lateness));
        lines.push(format!(
            "  tick {number} fell due and was still waiting when stopped: {late} late"
        ));
    }
    let worst = duration(summary.worst_lateness);
    lines.push(match (summary.step, summary.worst_in_steps()) {
        (Some(step), Some(steps)) => format!(
            "  worst lateness {worst}, {steps:.2}× one CPU step ({} median)",
            duration(step)
        ),
        _ => format!("  worst lateness {worst}; no CPU step finished"),
    });
    if let Some(overshoot) = summary.overshoot {
        lines.push(format!(
            "  the random waits overshot by up to {}",
            duration(overshoot)
        ));
    }
    if run.runtime == Runtime::TokioMultiThread {
        let (workers, busy) = (tokio_multi_thread::workers(), measured.cost.cores_used());
        lines.push(format!(
            "  {workers} worker threads; the process kept {busy:.2} cores busy"
        ));
    }
    lines.push(
        match summary.verdict() {
            "on time" => "verdict: on time: the loop was free when each tick fell due.",
            _ => "verdict: late: a tick that fell due during a step waited for it.",
        }
        .to_string(),
    );
    lines
}
// ANCHOR_END: summary
