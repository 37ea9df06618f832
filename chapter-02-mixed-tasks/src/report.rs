//! What the program prints: a header per run, a line per event, and a
//! summary whose verdict comes from [`crate::observe`]. Every line fits 80
//! columns, and the lesson's word (LATE, on time) comes early in its line.

use std::time::Duration;

use shared::format::{duration, seconds};

use crate::events::{Event, Tick};
use crate::jobs::{Config, Measured};
use crate::observe::calibrate::Calibration;
use crate::observe::{self, Summary, Verdict};
use crate::runtimes::{Offload, Placement, Runtime, tokio_multi_thread};
use crate::ticker::StopReason;

/// The lines that say what a run is about to do.
pub fn header(config: &Config) -> Vec<String> {
    let stops = match config.ticks {
        Some(n) => format!("Stops after {n} ticks."),
        None => "Ctrl-C stops it.".to_string(),
    };
    vec![
        format!("Three jobs on {}.", runtime_words(config.runtime)),
        format!("The CPU steps run {}.", place_words(config)),
        format!(
            "A tick every {} (due one interval after the previous one ran),",
            duration(config.interval)
        ),
        format!(
            "random waits of up to {} (seed {}), CPU steps of limit {}.",
            duration(config.interval / 2),
            config.seed,
            config.limit
        ),
        stops,
        format!(
            "A tick is LATE when it runs more than {} after it was due: far",
            duration(config.late_after)
        ),
        "above a free loop's timer jitter, far below one CPU step.".to_string(),
    ]
}

/// The line for one event, or none (random waits and CPU steps are only
/// printed with `show_tasks`).
pub fn event_line(
    event: &Event,
    late_after: Duration,
    show_tasks: bool,
) -> Option<String> {
    match *event {
        Event::Tick(tick) => Some(tick_line(&tick, late_after)),
        _ if !show_tasks => None,
        Event::Wait { number, wait } => {
            Some(format!("    chore {number}: done; the next one in {}", seconds(wait)))
        }
        Event::StepStarted { number, limit } => {
            Some(format!("    cpu step {number}: the product of 1..{limit}"))
        }
        Event::StepDone { number, took, bits } => Some(format!(
            "    cpu step {number}: done in {} (a {bits}-bit number)",
            duration(took)
        )),
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
    let config = &measured.config;
    let ended = match measured.stop {
        StopReason::TicksDone => "done",
        StopReason::CtrlC => "stopped by Ctrl-C",
    };
    let (late, ticks) = (summary.late, summary.ticks);
    let mut lines = vec![format!(
        "{ended}: {ticks} tick{}, {late} late, {} on time (late: more than {})",
        if ticks == 1 { "" } else { "s" },
        ticks - late,
        duration(config.late_after)
    )];
    let worst = duration(summary.worst_lateness);
    match (summary.step, summary.worst_in_steps()) {
        (Some(step), Some(steps)) => lines.extend([
            format!(
                "  worst lateness {worst}; one CPU step {} (median):",
                duration(step)
            ),
            format!("  the worst tick waited {steps:.2}× one step"),
        ]),
        _ => lines.push(format!("  worst lateness {worst}; no CPU step finished")),
    }
    if let Some(overshoot) = summary.overshoot {
        lines.push(format!(
            "  the random waits overshot by up to {}",
            duration(overshoot)
        ));
    }
    if config.runtime == Runtime::TokioMultiThread {
        lines.push(format!(
            "  {} worker threads; the process kept {:.2} cores busy",
            tokio_multi_thread::workers(),
            measured.cost.cores_used()
        ));
    }
    lines.push(match summary.verdict {
        Verdict::OnTime => {
            "verdict: on time: the loop was free when each tick fell due.".to_string()
        }
        Verdict::Late => {
            "verdict: late: a tick that fell due during a step waited for it.".to_string()
        }
    });
    lines.push(format!("  The CPU steps ran {}.", place_words(config)));
    lines
}
// ANCHOR_END: summary

/// The lines that say which step size the calibration chose, and why.
pub fn calibration(calibration: &Calibration, target: Duration) -> Vec<String> {
    vec![
        format!(
            "Step size: limit {}, for steps of about {} on this machine",
            calibration.limit,
            duration(target)
        ),
        format!(
            "(one call at limit {} took {}; time grows as n² log n).",
            calibration.probe_limit,
            duration(calibration.probe_took)
        ),
    ]
}

/// What drives the jobs, in words.
fn runtime_words(runtime: Runtime) -> &'static str {
    match runtime {
        Runtime::Tokio => "tokio's current-thread runtime, each job its own task",
        Runtime::AsyncStd => "async-std (discontinued upstream), joined in one task",
        Runtime::Smol => "smol's local executor, each job its own task",
        Runtime::TokioMultiThread => "tokio's multi-thread runtime, joined in one task",
    }
}

/// Where the steps run, in words.
fn place_words(config: &Config) -> &'static str {
    match (config.placement, config.runtime) {
        (Placement::OnLoop, Runtime::TokioMultiThread) => {
            "on the worker thread that runs the jobs' task"
        }
        (Placement::OnLoop, _) => "on the loop's own thread",
        (Placement::Off(Offload::Pool), Runtime::AsyncStd) => {
            "off the loop, on async-std's blocking pool"
        }
        (Placement::Off(Offload::Pool), Runtime::Smol) => {
            "off the loop, on the blocking crate's pool (unblock)"
        }
        (Placement::Off(Offload::Pool), _) => {
            "off the loop, on tokio's blocking pool (spawn_blocking)"
        }
        (Placement::Off(Offload::Rayon), _) => "off the loop, on rayon's pool",
    }
}
