//! The runs just measured, drawn as a timeline (`--pictures DIR`): a lane
//! per thread, the CPU steps as bars, each tick from its due time to the time
//! it ran, labelled with its lateness when it is LATE.

use shared::draw::{self, Group, Kind, Lane, Span, Timeline};
use shared::ticker::{Tick, late_after};

use crate::observe::{Measured, record::variant};
use crate::place::Place;
use crate::runtimes::{Runtime, tokio_multi_thread};

/// The picture's file name in the `--pictures` folder.
pub const FILE_NAME: &str = "chapter-02-mixed-tasks-timeline.svg";

/// The runs `--all-runtimes` draws: blocked, offloaded, and the trap.
const DRAWN: [&str; 3] =
    ["tokio-on-loop", "tokio-spawn-blocking", "tokio-multi-thread-on-loop"];

/// The timeline of `runs`: all of them, or with more than one run the
/// three of `DRAWN` that are among them.
pub fn draw(runs: &[Measured]) -> Timeline {
    let picked = |run: &&Measured| {
        runs.len() == 1
            || DRAWN.contains(&variant(run.plan.runtime, run.plan.place).as_str())
    };
    let timeline = Timeline::new("Ticks beside CPU steps, as measured")
        .name_kind(Kind::Cpu, "CPU step on the loop's thread")
        .name_kind(Kind::Offloaded, "CPU step on a pool thread")
        .note("A tick due during a step on the loop runs when the step ends.");
    runs.iter().filter(picked).map(group).fold(timeline, Timeline::group)
}

/// One run's lanes: the loop's thread with the ticks, the steps on it or on
/// a pool's lane, and on the multi-thread runtime its other workers.
fn group(run: &Measured) -> Group {
    let plan = &run.plan;
    let multi = plan.runtime == Runtime::TokioMultiThread;
    let mut main = Lane::new(if multi { "worker with the task" } else { "loop thread" });
    let drawn = |tick: &Tick| draw::Tick {
        due: run.since_start(tick.due),
        ran: run.since_start(tick.ran),
        label: format!("tick {}", tick.number),
        late: tick.lateness() > late_after(plan.interval),
    };
    main.ticks = run.ticks.iter().map(drawn).collect();
    let offloaded = plan.place != Place::Loop;
    let kind = if offloaded { Kind::Offloaded } else { Kind::Cpu };
    let steps = run.steps.iter().zip(1..).map(|(step, n)| {
        Span::new(step.start, step.start + step.took, format!("step {n}")).kind(kind)
    });
    let mut lanes = vec![main];
    if offloaded {
        lanes.push(Lane::new("pool threads"));
    }
    lanes.last_mut().expect("one lane at least").spans = steps.collect();
    let others = tokio_multi_thread::workers().saturating_sub(1);
    if multi && !offloaded && others > 0 {
        lanes.push(Lane::new(format!("{others} other worker(s)")));
    }
    Group::new(variant(plan.runtime, plan.place), lanes)
}
