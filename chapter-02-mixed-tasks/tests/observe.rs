//! The verdicts and names of `observe`: what counts as late, and the names
//! the book's values use for each run.

use std::time::Duration;

use chapter_02_mixed_tasks::observe::record::variant;
use chapter_02_mixed_tasks::observe::{Measured, Run, Summary, Tick, is_late, lateness};
use chapter_02_mixed_tasks::place::Place;
use chapter_02_mixed_tasks::report;
use chapter_02_mixed_tasks::runtimes::Runtime;
use chapter_02_mixed_tasks::ticker::StopReason;
use shared::measure::{CpuTime, Measurement};

/// A tick exactly at the threshold is on time; one past it is late.
#[test]
fn late_means_strictly_past_the_threshold() {
    let ms = Duration::from_millis;
    let tick = |due, ran| Tick { number: 1, due: ms(due), ran: ms(ran), gap: None };
    assert!(!is_late(&tick(100, 200), ms(100)));
    assert!(is_late(&tick(100, 201), ms(100)));
    assert_eq!(lateness(&tick(500, 400)), Duration::ZERO, "early is not negative");
}

/// Each runtime and place gets the name the book's values use.
#[test]
fn variants_name_the_runtime_and_the_place() {
    let pool = Place::Pool;
    assert_eq!(variant(Runtime::Tokio, Place::OnLoop), "tokio-on-loop");
    assert_eq!(variant(Runtime::Tokio, pool), "tokio-spawn-blocking");
    assert_eq!(variant(Runtime::Smol, pool), "smol-unblock");
    assert_eq!(variant(Runtime::AsyncStd, pool), "async-std-spawn-blocking");
    assert_eq!(variant(Runtime::Tokio, Place::Rayon), "tokio-rayon");
    assert_eq!(
        variant(Runtime::TokioMultiThread, Place::OnLoop),
        "tokio-multi-thread-on-loop"
    );
}

/// A tokio run with a tick every 2 s whose first tick ran at once, then
/// stopped `stopped_ms` after the start, for `stop`, with no other tick.
fn one_tick_then_stopped(stopped_ms: u64, stop: StopReason) -> Measured {
    let ms = Duration::from_millis;
    let run = Run {
        runtime: Runtime::Tokio,
        place: Place::OnLoop,
        interval: ms(2_000),
        ticks: None,
        limit: 100_000,
        seed: 1,
        late_after: ms(100),
        warn_slow: None,
    };
    let first = Tick { number: 1, due: ms(0), ran: ms(1), gap: None };
    let cpu = CpuTime { user: Duration::ZERO, system: Duration::ZERO };
    Measured {
        run,
        ticks: vec![first],
        stop,
        stopped: ms(stopped_ms),
        steps: Vec::new(),
        overshoots: Vec::new(),
        cost: Measurement { wall: ms(stopped_ms), cpu, cores: 1 },
    }
}

/// A starved ticker (one tick, then 17 s without one, then Ctrl-C): the
/// tick that fell due and never ran counts, late by the stop time minus its
/// due time, and the summary says so.
#[test]
fn a_tick_still_waiting_when_stopped_counts_as_late() {
    let starved = one_tick_then_stopped(19_001, StopReason::CtrlC);
    let summary = Summary::of(&starved);
    assert_eq!((summary.ticks, summary.late), (2, 1));
    assert_eq!(summary.worst_lateness, Duration::from_secs(17));
    assert_eq!(summary.verdict(), "late");
    let lines = report::summary(&starved, &summary).join("\n");
    assert!(lines.contains("stopped by Ctrl-C: 2 ticks, 1 late, 1 on time"), "{lines}");
    assert!(
        lines.contains("tick 2 fell due and was still waiting when stopped"),
        "{lines}"
    );
    assert!(lines.contains("verdict: late"), "{lines}");
}

/// No tick waits when Ctrl-C comes before the next one is due, nor when the
/// ticker stopped because its ticks were done.
#[test]
fn no_tick_waits_before_it_is_due_or_after_the_last_one() {
    for (stopped, stop) in [(1_500, StopReason::CtrlC), (19_001, StopReason::TicksDone)] {
        let summary = Summary::of(&one_tick_then_stopped(stopped, stop));
        assert_eq!((summary.ticks, summary.late, summary.waiting), (1, 0, None));
        assert_eq!(summary.verdict(), "on time");
    }
}
