//! 2.7's check: the answer's step and the course's ticker (every 10 ms,
//! on `smol::Timer`) as two tasks on smol's global executor, which runs its
//! tasks on one thread: a step that computes in its task, or in another
//! `smol::spawn`ed task, holds up the ticker; one on smol's blocking pool
//! does not. Reports the ticks' lateness and the step's time and product.

use std::time::{Duration, Instant};

use course_exercises::measure::{PERIOD, counting_turns, long_step, report_step};
use course_exercises::probe::Probe;
use shared::ticker::{self, FirstTick, Flow};
use shared::workload::fingerprint;

use super::answer;

pub(crate) fn measure(probe: &Probe) {
    let long = long_step();
    let limit = long.limit;
    let (stop, stopped) = smol::channel::bounded::<()>(1);
    let ticks = smol::spawn(async move {
        let sleep = |wait: Duration| async move {
            smol::Timer::after(wait).await;
        };
        let stopped = async move {
            let _ = stopped.recv().await;
        };
        ticker::run(PERIOD, FirstTick::AfterInterval, sleep, stopped, |_| Flow::Continue)
            .await
            .0
    });
    probe.waiting(&format!("your step of product_below({limit}) to return"));
    let step = smol::spawn(async move {
        let started = Instant::now();
        let (product, turns) = counting_turns(answer::step_on_smol(limit)).await;
        (fingerprint(&product) == long.fingerprint, started.elapsed(), turns)
    });
    let ((right, took, turns), ticks) = smol::block_on(async {
        let step = step.await;
        let _ = stop.send(()).await;
        (step, ticks.await)
    });
    report_step(probe, &long, right, took, turns, &ticks);
}
