//! Chapter 2's checks: a ticker beside one long step, on tokio or on smol.
//! The verdict compares the worst lateness of a tick with the time of the
//! step itself: a tick that waits for the whole step is late by about one
//! step, one that waits for a slice of it (or for nothing) by a small
//! fraction, and load slows both alike.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use num_bigint::BigUint;

use super::Checked;
use super::measure::{catch, long_step, ms};

/// The ticker's period.
const PERIOD: Duration = Duration::from_millis(10);

/// What one run measured.
struct Run {
    product: BigUint,
    step: Duration,
    worst: Duration,
    ticks: u64,
}

/// The ticker: re-arms one period after each tick, records its worst
/// lateness. Its first deadline is fixed before it is spawned, so a loop
/// that never gives it a turn still shows in its first tick.
struct Ticker {
    due: Instant,
    worst: Duration,
    ticks: u64,
}

impl Ticker {
    fn new() -> Self {
        Ticker { due: Instant::now() + PERIOD, worst: Duration::ZERO, ticks: 0 }
    }

    /// Records a tick that ran now; returns the next deadline.
    fn tick(&mut self) -> Instant {
        let now = Instant::now();
        self.worst = self.worst.max(now.saturating_duration_since(self.due));
        self.ticks += 1;
        self.due = now + PERIOD;
        self.due
    }
}

/// 2.1 and 2.6: the step on a current-thread tokio runtime beside a ticker.
pub fn ticks_on_tokio<F>(step: impl FnOnce(u32) -> F) -> Checked
where
    F: Future<Output = BigUint>,
{
    let (limit, _) = long_step();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    let run = catch(|| {
        runtime.block_on(async {
            let stop = Arc::new(AtomicBool::new(false));
            let mut ticker = Ticker::new();
            let stopped = Arc::clone(&stop);
            let ticks = tokio::spawn(async move {
                // At least one tick, so that a step that never let it run
                // shows as a late first tick.
                loop {
                    tokio::time::sleep_until(ticker.due.into()).await;
                    ticker.tick();
                    if stopped.load(Ordering::SeqCst) {
                        break;
                    }
                }
                ticker
            });
            let started = Instant::now();
            let product = step(*limit).await;
            let step = started.elapsed();
            stop.store(true, Ordering::SeqCst);
            let ticker = ticks.await.expect("the ticker does not panic");
            Run { product, step, worst: ticker.worst, ticks: ticker.ticks }
        })
    })?;
    verdict(&run)
}

/// 2.7: the step on a `smol::LocalExecutor` beside a ticker.
pub fn ticks_on_smol<F>(step: impl FnOnce(u32) -> F) -> Checked
where
    F: Future<Output = BigUint>,
{
    let (limit, _) = long_step();
    let executor = smol::LocalExecutor::new();
    let run = catch(|| {
        smol::future::block_on(executor.run(async {
            let stop = Arc::new(AtomicBool::new(false));
            let mut ticker = Ticker::new();
            let stopped = Arc::clone(&stop);
            let ticks = executor.spawn(async move {
                loop {
                    smol::Timer::at(ticker.due).await;
                    ticker.tick();
                    if stopped.load(Ordering::SeqCst) {
                        break;
                    }
                }
                ticker
            });
            let started = Instant::now();
            let product = step(*limit).await;
            let step = started.elapsed();
            stop.store(true, Ordering::SeqCst);
            let ticker = ticks.await;
            Run { product, step, worst: ticker.worst, ticks: ticker.ticks }
        }))
    })?;
    verdict(&run)
}

/// On time: no tick waited more than half the step. A tick that waits for
/// the whole step is late by all of it but one period; a yielding step
/// keeps the worst near one slice of it.
fn verdict(run: &Run) -> Checked {
    let (limit, product) = long_step();
    if &run.product != product {
        return Err(format!(
            "measured: the step's result is not product_below({limit}) ({} bits, \
             not {})",
            run.product.bits(),
            product.bits()
        ));
    }
    let on_time = run.worst <= run.step / 2;
    let measured = format!(
        "measured: ticks every {}: {} of them, the worst {} by {}, during one step of {}",
        ms(PERIOD),
        run.ticks,
        if on_time { "late" } else { "LATE" },
        ms(run.worst),
        ms(run.step)
    );
    if on_time {
        Ok(format!("{measured}: on time, the step did not hold up the loop"))
    } else {
        Err(format!("{measured}: the ticker waited for the step"))
    }
}
