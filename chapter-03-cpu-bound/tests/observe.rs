//! The measuring and the verdicts (`observe/`), tested from outside: the
//! median run, the speedup, the sweep that counts overlapping spans, the
//! verdict words.

use std::time::{Duration, Instant};

use chapter_03_cpu_bound::observe::timeline::{Span, Timeline, most_at_once};
use chapter_03_cpu_bound::observe::verdict::Verdict;
use chapter_03_cpu_bound::observe::{
    Observations, Place, PlaceRun, loop_wall, median_of,
};
use shared::measure::{CpuTime, Measurement};

fn fake(wall_ms: u64) -> PlaceRun {
    PlaceRun {
        place: Place::Loop,
        asked: 1,
        measurement: Measurement {
            wall: Duration::from_millis(wall_ms),
            cpu: CpuTime::default(),
            cores: 2,
        },
        finished: vec![1],
        most_at_once: 1,
        observed: Observations::default(),
        stopped: false,
        timeline: Default::default(),
    }
}

/// The median run is kept, whatever order the runs came in (the upper
/// middle one for an even count, as `shared::stats::median` chooses).
#[test]
fn keeps_the_median_run() {
    let mut walls = [30, 10, 50, 20, 40].into_iter();
    let kept = median_of(5, || fake(walls.next().unwrap()));
    assert_eq!(kept.measurement.wall, Duration::from_millis(30));
    let mut walls = [40, 10].into_iter();
    assert_eq!(
        median_of(2, || fake(walls.next().unwrap())).measurement.wall,
        Duration::from_millis(40)
    );
}

/// A stopped run is returned at once; no more runs are made.
#[test]
fn a_stopped_run_ends_the_repetitions() {
    let mut runs = 0;
    let kept = median_of(5, || {
        runs += 1;
        PlaceRun { stopped: runs == 2, ..fake(runs * 10) }
    });
    assert!(kept.stopped);
    assert_eq!(runs, 2);
}

/// The speedup is the baseline's wall time over the run's; a stopped run
/// or a missing baseline has none.
#[test]
fn speedup_against_the_loop() {
    let run = fake(500);
    assert_eq!(run.speedup(Some(Duration::from_secs(1))), Some(2.0));
    assert_eq!(run.speedup(None), None);
    let stopped = PlaceRun { stopped: true, ..fake(500) };
    assert_eq!(stopped.speedup(Some(Duration::from_secs(1))), None);
    assert_eq!(loop_wall(&[fake(700)]), Some(Duration::from_millis(700)));
}

fn span(call: usize, start_ms: u64, end_ms: u64) -> Span {
    Span {
        call,
        thread: std::thread::current().id(),
        start: Duration::from_millis(start_ms),
        end: Duration::from_millis(end_ms),
    }
}

/// Back-to-back spans never overlap; nested and crossing ones do.
#[test]
fn counts_overlaps() {
    assert_eq!(most_at_once(&[]), 0);
    assert_eq!(most_at_once(&[span(1, 0, 10), span(2, 10, 20), span(3, 20, 30)]), 1);
    assert_eq!(most_at_once(&[span(1, 0, 10), span(2, 5, 15), span(3, 20, 30)]), 2);
    assert_eq!(most_at_once(&[span(1, 0, 100), span(2, 10, 20), span(3, 15, 30)]), 3);
}

/// Recording from several threads keeps every span and the finishing order.
#[test]
fn records_from_threads() {
    let timeline = Timeline::new();
    std::thread::scope(|scope| {
        for call in 1..=4 {
            let timeline = &timeline;
            scope.spawn(move || {
                let start = Instant::now();
                timeline.record(call, start, Instant::now());
                timeline.finish(call);
            });
        }
    });
    let mut order = timeline.finishing_order();
    order.sort_unstable();
    assert_eq!(order, vec![1, 2, 3, 4]);
    assert_eq!(timeline.spans().len(), 4);
}

/// One call at a time is serialised on any machine; overlap is parallel
/// only with more than one core, and says so truthfully on one core.
#[test]
fn cpu_verdicts() {
    assert_eq!(Verdict::for_cpu(1, 2), Verdict::Serialised);
    assert_eq!(Verdict::for_cpu(1, 64), Verdict::Serialised);
    assert_eq!(Verdict::for_cpu(20, 2), Verdict::Parallel);
    assert_eq!(Verdict::for_cpu(2, 8), Verdict::Parallel);
    assert_eq!(Verdict::for_cpu(20, 1), Verdict::TimeSliced);
    assert_eq!(
        Verdict::for_cpu(0, 4),
        Verdict::Serialised,
        "nothing ran (Ctrl-C at once)"
    );
}
