//! The verdicts and names of `observe`: what a run adds up to, the tick
//! still waiting at Ctrl-C, the ticks that fell due during a step, and the
//! names the book's values use for each run.

use std::time::{Duration, Instant};

use chapter_02_mixed_tasks::observe::record::variant;
use chapter_02_mixed_tasks::observe::{Measured, Plan, StepTime, Summary};
use chapter_02_mixed_tasks::place::Place;
use chapter_02_mixed_tasks::report;
use chapter_02_mixed_tasks::runtimes::Runtime;
use shared::measure::{CpuTime, Measurement};
use shared::ticker::{Ended, Tick};

/// `n` milliseconds.
fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Each runtime and place gets the name the book's values use.
#[test]
fn variants_name_the_runtime_and_the_place() {
    let pool = Place::BlockingPool;
    assert_eq!(variant(Runtime::Tokio, Place::Loop), "tokio-on-loop");
    assert_eq!(variant(Runtime::Tokio, pool), "tokio-spawn-blocking");
    assert_eq!(variant(Runtime::Smol, pool), "smol-unblock");
    assert_eq!(variant(Runtime::AsyncStd, pool), "async-std-spawn-blocking");
    assert_eq!(variant(Runtime::Tokio, Place::Rayon), "tokio-rayon");
    assert_eq!(
        variant(Runtime::TokioMultiThread, Place::Loop),
        "tokio-multi-thread-on-loop"
    );
}

/// A tokio run with a tick every 2 s, its ticks and steps (in ms from the
/// start), ended for `ended`.
fn measured(
    ticks: &[(u64, u64)],
    waiting: Option<(u64, u64)>,
    steps: &[(u64, u64)],
    ended: Ended,
) -> Measured {
    let start = Instant::now();
    let tick = |(number, (due, ran)): (usize, &(u64, u64))| Tick {
        number: number as u64 + 1,
        due: start + ms(*due),
        ran: start + ms(*ran),
    };
    let ticks: Vec<Tick> = ticks.iter().enumerate().map(tick).collect();
    let waiting = waiting.as_ref().map(|times| tick((ticks.len(), times)));
    let plan = Plan {
        runtime: Runtime::Tokio,
        place: Place::Loop,
        interval: ms(2_000),
        ticks: None,
        limit: 100_000,
        seed: 1,
        warn_slow: None,
    };
    let wall = ticks.last().map_or(Duration::ZERO, |tick| tick.ran - start);
    let cpu = CpuTime { user: Duration::ZERO, system: Duration::ZERO };
    Measured {
        plan,
        start,
        ticks,
        waiting,
        ended,
        steps: steps
            .iter()
            .map(|&(s, took)| StepTime { start: ms(s), took: ms(took) })
            .collect(),
        overshoots: Vec::new(),
        cost: Measurement { wall, cpu, cores: 1 },
    }
}

/// A starved ticker (one tick, then 17 s without one, then Ctrl-C): the
/// tick that fell due and never ran counts, late by the stop time minus its
/// due time, and the summary says so.
#[test]
fn a_tick_still_waiting_when_stopped_counts_as_late() {
    let starved = measured(&[(0, 1)], Some((2_001, 19_001)), &[], Ended::Stopped);
    let summary = Summary::of(&starved);
    assert_eq!((summary.lateness.ticks, summary.lateness.late), (2, 1));
    assert_eq!(summary.lateness.worst, Duration::from_secs(17));
    assert_eq!(summary.lateness.verdict(), "LATE");
    let lines = report::summary(&starved, &summary).join("\n");
    assert!(lines.contains("stopped by Ctrl-C: 2 ticks, 1 late, 1 on time"), "{lines}");
    assert!(
        lines.contains("tick 2 fell due and was still waiting when stopped"),
        "{lines}"
    );
    assert!(
        lines.contains("verdict: LATE: 1 of 2 ticks ran more than 500 ms"),
        "{lines}"
    );
}

/// Late means more than a quarter of the interval: a tick 400 ms late on
/// a 2 s interval is on time, and the summary says what late means.
#[test]
fn late_is_a_quarter_of_the_interval() {
    let run = measured(&[(0, 1), (2_001, 2_401)], None, &[], Ended::Done);
    let summary = Summary::of(&run);
    assert_eq!((summary.lateness.late, summary.lateness.verdict()), (0, "on time"));
    let lines = report::summary(&run, &summary).join("\n");
    assert!(
        lines.contains(
            "late: more than 500 ms past due, a quarter of the 2.000 s interval"
        ),
        "{lines}"
    );
    assert!(
        lines.contains("verdict: on time: no tick ran more than 500 ms past due."),
        "{lines}"
    );
}

/// The ticks that fell due during a CPU step are counted, and of those the
/// ones that ran only after it ended: tick 2 fell due in the first step and
/// waited for it, tick 3 fell due in the second and ran before its end
/// (as when the step runs off the loop), tick 1 fell due before any step.
#[test]
fn ticks_due_during_a_step_are_counted() {
    let steps = [(10, 2_500), (2_510, 3_000)];
    let run =
        measured(&[(0, 0), (2_000, 2_510), (4_510, 4_520)], None, &steps, Ended::Done);
    let summary = Summary::of(&run);
    assert_eq!((summary.due_in_step, summary.ran_after_step), (2, 1));
    assert_eq!(summary.lateness.late, 1);
    let lines = report::summary(&run, &summary).join("\n");
    assert!(
        lines
            .contains("2 of 3 fell due during a CPU step; 1 of those ran after it ended"),
        "{lines}"
    );
}
