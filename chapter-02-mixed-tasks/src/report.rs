//! What the program prints: a line per event, a summary whose verdict is
//! computed from the measurements, and the Markdown table for the book.

use std::io::{self, Write};
use std::time::Duration;

use shared::{format, report};

use crate::jobs::Outcome;
use crate::runtimes::{Placement, Runtime, tokio_multi_thread};
use crate::ticker::{StopReason, Tick};

/// Prints the jobs' lines as they happen. Copied into every job.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    /// Print the ticks (off for a program that only wants the measurements).
    pub show_ticks: bool,
    /// Also print the random waits and the CPU steps, not only the ticks.
    pub show_tasks: bool,
    /// A tick that runs more than this after it was due is late.
    pub late_after: Duration,
}

impl Printer {
    // ANCHOR: tick_line
    /// One tick: when it was due, when it ran, the gap, and the verdict.
    pub fn tick(&self, tick: &Tick) {
        if !self.show_ticks {
            return;
        }
        let gap = match tick.gap {
            Some(gap) => format!("{} after the previous tick", format::seconds(gap)),
            None => "the first tick".to_string(),
        };
        let verdict = if tick.lateness() > self.late_after {
            format!("LATE by {}", format::duration(tick.lateness()))
        } else {
            "on time".to_string()
        };
        say(format!(
            "tick {}: due at {}, ran at {}, {gap}: {verdict}",
            tick.number,
            format::seconds(tick.due),
            format::seconds(tick.ran)
        ));
    }
    // ANCHOR_END: tick_line

    /// A random wait begins.
    pub fn chore(&self, number: u64, wait: Duration) {
        if self.show_tasks {
            say(format!(
                "    chore {number}: something done; the next one in {}",
                format::seconds(wait)
            ));
        }
    }

    /// A CPU step begins.
    pub fn step_started(&self, number: u64, limit: u32) {
        if self.show_tasks {
            say(format!("    cpu step {number}: computing the product of 1..{limit}"));
        }
    }

    /// A CPU step ends.
    pub fn step_done(&self, number: u64, took: Duration, bits: u64) {
        if self.show_tasks {
            say(format!(
                "    cpu step {number}: done in {} (a {bits}-bit number)",
                format::duration(took)
            ));
        }
    }
}

/// Prints a line; a closed stdout (`| head`) is not worth a panic.
pub fn say(line: String) {
    let _ = writeln!(io::stdout(), "{line}");
}

/// The middle value of some durations (the upper one of the two middle values).
pub fn median(values: &[Duration]) -> Option<Duration> {
    let mut sorted = values.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied()
}

/// Ticks that ran more than `late_after` after they were due.
pub fn late_ticks(ticks: &[Tick], late_after: Duration) -> usize {
    ticks.iter().filter(|tick| tick.lateness() > late_after).count()
}

// ANCHOR: summary
/// The summary of a run: counts, the worst lateness next to one CPU step,
/// and a verdict in words computed from those numbers.
pub fn summary(outcome: &Outcome) -> Vec<String> {
    let settings = &outcome.settings;
    let ticks = &outcome.ticks;
    let late = late_ticks(ticks, settings.late_after);
    let worst = ticks.iter().map(Tick::lateness).max().unwrap_or_default();
    let step = median(&outcome.steps);
    let ended = match outcome.stop {
        StopReason::TicksDone => "done",
        StopReason::CtrlC => "stopped by Ctrl-C",
    };
    let mut lines = vec![format!(
        "{ended}: {} tick{}, {late} late, {} on time (late: more than {} after it was due)",
        ticks.len(),
        if ticks.len() == 1 { "" } else { "s" },
        ticks.len() - late,
        format::duration(settings.late_after)
    )];
    lines.push(match step {
        Some(step) => format!(
            "  worst lateness {}; one CPU step took {} (median), so the worst tick waited {:.2}× one step",
            format::duration(worst),
            format::duration(step),
            worst.as_secs_f64() / step.as_secs_f64().max(1e-9)
        ),
        None => format!("  worst lateness {}; no CPU step finished", format::duration(worst)),
    });
    if let Some(overshoot) = outcome.overshoots.iter().max() {
        lines.push(format!(
            "  the random waits overshot by up to {}",
            format::duration(*overshoot)
        ));
    }
    if settings.runtime == Runtime::TokioMultiThread {
        lines.push(format!(
            "  the runtime had {} worker threads; the process kept {:.2} cores busy on average",
            tokio_multi_thread::workers(),
            outcome.cost.cores_used()
        ));
    }
    let place = settings.placement.description(settings.runtime);
    lines.push(if late == 0 {
        format!("verdict: on time. The CPU steps ran {place}, so the loop was free when each tick fell due.")
    } else {
        format!(
            "verdict: late. The CPU steps ran {place}; a tick that fell due during a step waited for the step to end."
        )
    });
    lines
}
// ANCHOR_END: summary

/// One call of the workload at the article's size, in Rust and in Python.
#[derive(Debug, Clone)]
pub struct OneCall {
    /// The limit of the call (the article's 40 000).
    pub limit: u32,
    /// The call in this Rust build.
    pub rust: Duration,
    /// The call in `python3`: its version and time, if there is a `python3`.
    pub python: Option<(String, Duration)>,
}

/// The Markdown fragment for the book: provenance, settings, one row per
/// run, then one call in Rust and in Python.
pub fn markdown(outcomes: &[Outcome], one_call: &OneCall) -> String {
    let mut text = format!("{}\n\n", report::provenance());
    if let Some(first) = outcomes.first() {
        let s = &first.settings;
        text.push_str(&format!(
            "Each run: {} ticks every {}, CPU steps of limit {}, late = more than {} after due.\n\n",
            s.ticks.map_or("unbounded".to_string(), |n| n.to_string()),
            format::duration(s.interval),
            s.limit,
            format::duration(s.late_after)
        ));
    }
    text.push_str("| Runtime | CPU steps run | Late ticks | Median gap | Worst gap | Worst lateness | One CPU step (median) |\n");
    text.push_str("|---|---|---|---|---|---|---|\n");
    for outcome in outcomes {
        let s = &outcome.settings;
        let gaps: Vec<Duration> =
            outcome.ticks.iter().filter_map(|tick| tick.gap).collect();
        let show =
            |value: Option<Duration>| value.map_or("–".to_string(), format::duration);
        text.push_str(&format!(
            "| {} | {} | {} of {} | {} | {} | {} | {} |\n",
            s.runtime,
            s.placement.label(s.runtime),
            late_ticks(&outcome.ticks, s.late_after),
            outcome.ticks.len(),
            show(median(&gaps)),
            show(gaps.iter().max().copied()),
            show(outcome.ticks.iter().map(Tick::lateness).max()),
            show(median(&outcome.steps)),
        ));
    }
    text.push_str(&format!(
        "\nOne call of the workload at the article's size (limit {}), the faster of several runs:\n\n",
        one_call.limit
    ));
    text.push_str("| Language | One call |\n|---|---|\n");
    text.push_str(&format!(
        "| Rust (num-bigint), {} build | {} |\n",
        shared::machine::build_profile(),
        format::duration(one_call.rust)
    ));
    match &one_call.python {
        Some((version, took)) => text.push_str(&format!(
            "| Python {version} (`python3`) | {} |\n",
            format::duration(*took)
        )),
        None => {
            text.push_str("| Python | not measured: no `python3` on this machine |\n")
        }
    }
    text
}

/// Where a run's steps go, for the header line.
pub fn header(runtime: Runtime, placement: Placement) -> String {
    format!(
        "Three jobs on {}; the CPU steps run {}.",
        runtime.description(),
        placement.description(runtime)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The median of an odd and an even count, and of nothing.
    #[test]
    fn median_picks_the_middle() {
        let ms = Duration::from_millis;
        assert_eq!(median(&[ms(3), ms(1), ms(2)]), Some(ms(2)));
        assert_eq!(median(&[ms(4), ms(1), ms(3), ms(2)]), Some(ms(3)));
        assert_eq!(median(&[]), None);
    }

    /// A tick exactly at the threshold is on time; one past it is late.
    #[test]
    fn late_means_strictly_past_the_threshold() {
        let ms = Duration::from_millis;
        let tick = |due, ran| Tick { number: 1, due: ms(due), ran: ms(ran), gap: None };
        let ticks = [tick(0, 0), tick(100, 200), tick(100, 201), tick(500, 400)];
        assert_eq!(late_ticks(&ticks, ms(100)), 1);
        assert_eq!(ticks[3].lateness(), Duration::ZERO, "early is not negative lateness");
    }
}
