//! Chapter 1's checks: the order the loop runs callbacks in, a callback
//! that keeps the loop busy, an interval after a stall, and `yield_now`.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use chapter_01_event_loop::callback_loop::EventLoop;
use tokio::time::{self, Instant, MissedTickBehavior};

use super::Checked;
use super::measure::catch;

/// Names that callbacks append to, on the loop's one thread.
type Log = Rc<RefCell<Vec<&'static str>>>;

fn record(log: &Log, name: &'static str) -> impl FnOnce(&mut EventLoop) + 'static {
    let log = Rc::clone(log);
    move |_| log.borrow_mut().push(name)
}

/// 1.1: runs the exercise's five callbacks and compares the order they ran
/// in with the prediction.
pub fn watch_the_order(predicted_order: impl FnOnce() -> Vec<&'static str>) -> Checked {
    let predicted = catch(predicted_order)?;
    let log = Log::default();
    let mut event_loop = EventLoop::paused();
    event_loop.call_later(Duration::from_millis(30), record(&log, "30 ms"));
    event_loop.call_later(Duration::from_millis(10), record(&log, "10 ms"));
    event_loop.call_soon(record(&log, "soon 1"));
    event_loop.call_later(Duration::from_millis(20), record(&log, "20 ms"));
    event_loop.call_soon(record(&log, "soon 2"));
    event_loop.call_later(Duration::from_millis(40), EventLoop::stop);
    event_loop.run_forever();
    let ran = log.take();
    if predicted == ran {
        return Ok(format!("measured: the loop ran {ran:?}, as you predicted"));
    }
    let same = predicted.iter().zip(&ran).take_while(|(a, b)| a == b).count();
    Err(match predicted.get(same) {
        Some(next) => format!(
            "measured: the loop's order matches yours for the first {same} of {}; \
             then you said {next:?}, and the loop ran another callback",
            ran.len()
        ),
        None => {
            format!("measured: the loop ran {} callbacks; you named {same}", ran.len())
        }
    })
}

/// 1.2's answer: one spin, given the loop, the spin count, the timer's flag.
type Spin = fn(&mut EventLoop, Rc<Cell<u64>>, Rc<Cell<bool>>);

/// What 1.2's run saw: spins in all, spins before the timer, did it run.
type Spun = (u64, u64, bool);

/// 1.2: starts `spin` beside a 10 ms timer that stops the loop; counts the
/// spins and whether the timer ran, on a thread, so that a callback that
/// never returns is reported instead of hanging the check.
pub fn starve_the_timers(spin: Spin) -> Checked {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let run = catch(|| {
            let spins = Rc::new(Cell::new(0));
            let timer_ran = Rc::new(Cell::new(false));
            let before_the_timer = Rc::new(Cell::new(0));
            let mut event_loop = EventLoop::new();
            let (count, flag) = (Rc::clone(&spins), Rc::clone(&timer_ran));
            event_loop.call_soon(move |event_loop| spin(event_loop, count, flag));
            let (count, flag, seen) =
                (Rc::clone(&spins), Rc::clone(&timer_ran), Rc::clone(&before_the_timer));
            // The timer is armed by a callback queued after the first spin,
            // so the first spin's next run is queued before the timer can
            // fall due, however late this thread runs.
            event_loop.call_soon(move |event_loop| {
                event_loop.call_later(Duration::from_millis(10), move |event_loop| {
                    seen.set(count.get());
                    flag.set(true);
                    event_loop.stop();
                });
            });
            event_loop.run_forever();
            (spins.get(), before_the_timer.get(), timer_ran.get())
        });
        let _ = sender.send(run);
    });
    let (spins, before, timer_ran): Spun =
        receiver.recv_timeout(Duration::from_secs(10)).map_err(|_| {
            "measured: the loop had not stopped after 10 s: does `spin` loop by \
             itself instead of queueing itself and returning?"
                .to_string()
        })??;
    match (timer_ran, before) {
        (false, _) => Err(format!(
            "measured: {spins} spins, and the 10 ms timer never ran: the timers starved"
        )),
        (true, 0) => {
            Err("measured: `spin` never ran before the timer: was it queued?".to_string())
        }
        (true, 1) => Err(format!(
            "measured: `spin` ran {spins} time before the timer: it did not queue \
             itself again, so the loop was never kept busy"
        )),
        (true, _) => Ok(format!(
            "measured: {before} spins kept the loop busy, and the 10 ms timer still ran"
        )),
    }
}

/// 1.3: ticks an interval of 500 ms with `behavior` on tokio's paused clock,
/// stalls it for 1 750 ms after the first tick, and requires the rhythm of
/// a callback that re-arms itself: one late tick, then one period after each.
pub fn burst_or_delay(behavior: impl FnOnce() -> MissedTickBehavior) -> Checked {
    let behavior = catch(behavior)?;
    let period = Duration::from_millis(500);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    let ticks: Vec<u128> = runtime.block_on(async {
        let start = Instant::now();
        let mut interval = time::interval(period);
        interval.set_missed_tick_behavior(behavior);
        let mut ticks = Vec::new();
        for tick in 0..6 {
            interval.tick().await;
            ticks.push((Instant::now() - start).as_millis());
            if tick == 0 {
                time::advance(Duration::from_millis(1_750)).await; // the stall
            }
        }
        ticks
    });
    let wanted = [0, 1_750, 2_250, 2_750, 3_250, 3_750];
    let measured = format!("measured: with {behavior:?}, ticks at {ticks:?} ms");
    if ticks == wanted {
        Ok(format!("{measured}: one late tick, then one period after each"))
    } else {
        Err(format!("{measured}; a callback that re-arms itself ticks at {wanted:?} ms"))
    }
}

/// Counts the wakes of a task polled by hand.
#[derive(Debug, Default)]
struct CountWakes(AtomicUsize);

impl Wake for CountWakes {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// 1.5: polls one `yield_now()` by hand (`Pending` once, having woken its
/// task, then `Ready`), then runs two tasks that yield between their steps
/// beside a `call_soon` callback on chapter 1's loop, and measures the order.
pub fn give_the_loop_a_turn<F>(yield_now: fn() -> F) -> Checked
where
    F: Future<Output = ()> + 'static,
{
    let wakes = Arc::new(CountWakes::default());
    let waker = Waker::from(Arc::clone(&wakes));
    let mut context = Context::from_waker(&waker);
    let mut future = Box::pin(yield_now());
    let first = catch(|| future.as_mut().poll(&mut context))?;
    let woken = wakes.0.load(Ordering::SeqCst);
    match first {
        Poll::Ready(()) => {
            return Err("measured: the first poll returned Ready: the task never gives \
                        the loop a turn"
                .to_string());
        }
        Poll::Pending if woken == 0 => {
            return Err(
                "measured: the first poll returned Pending and nothing woke the \
                        task: it would wait forever"
                    .to_string(),
            );
        }
        Poll::Pending => {}
    }
    if catch(|| future.as_mut().poll(&mut context))?.is_pending() {
        return Err("measured: Pending, then Pending again: it must be Ready on the \
                    second poll"
            .to_string());
    }
    let log = Log::default();
    let run = catch(|| {
        let mut event_loop = EventLoop::paused();
        for steps in [["a1", "a2"], ["b1", "b2"]] {
            let log = Rc::clone(&log);
            event_loop.spawn(async move {
                for step in steps {
                    log.borrow_mut().push(step);
                    yield_now().await;
                }
            });
        }
        event_loop.call_soon(record(&log, "callback"));
        event_loop.call_later(Duration::from_millis(1), EventLoop::stop);
        event_loop.run_forever();
    });
    run?;
    let order = log.take();
    let wanted = ["a1", "b1", "callback", "a2", "b2"];
    if order == wanted {
        Ok(format!(
            "measured: Pending once (woken {woken} time), then Ready; on the loop the \
             steps ran {order:?}: the tasks took turns"
        ))
    } else {
        Err(format!("measured: on the loop the steps ran {order:?}; wanted {wanted:?}"))
    }
}
