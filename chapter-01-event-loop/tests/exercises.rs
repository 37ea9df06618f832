//! Solutions to the exercises at the end of chapter 1's page.
//!
//! Each test is one solution; the book shows the part between its ANCHOR
//! comments. None depends on timing luck: deadlines are fixed when a callback
//! is scheduled, and the tokio solution runs on paused, virtual time.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chapter_01_event_loop::callback_loop::EventLoop;
use tokio::time::{self, Instant, MissedTickBehavior};

/// A log that callbacks append to, shared on the loop's one thread.
type Log = Rc<RefCell<Vec<&'static str>>>;

fn record(log: &Log, name: &'static str) -> impl FnOnce(&mut EventLoop) + 'static {
    let log = Rc::clone(log);
    move |_| log.borrow_mut().push(name)
}

/// Exercise 1: `call_soon` runs first, then the timers in deadline order,
/// whatever order they were scheduled in.
#[test]
fn exercise_1_call_soon_first_then_timers_by_deadline() {
    // ANCHOR: exercise_1_solution
    let log = Log::default();
    let mut event_loop = EventLoop::new();
    event_loop.call_later(Duration::from_millis(30), record(&log, "30 ms"));
    event_loop.call_later(Duration::from_millis(10), record(&log, "10 ms"));
    event_loop.call_later(Duration::from_millis(20), record(&log, "20 ms"));
    event_loop.call_soon(record(&log, "soon"));
    event_loop.call_later(Duration::from_millis(40), EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["soon", "10 ms", "20 ms", "30 ms"]);
    // ANCHOR_END: exercise_1_solution
}

/// Exercise 2: a callback that reschedules itself with `call_soon` keeps the
/// loop busy, yet a 10 ms timer still runs, because each pass runs only the
/// batch that was ready when it began and then looks at the timers again.
#[test]
fn exercise_2_a_busy_call_soon_chain_does_not_starve_a_timer() {
    // ANCHOR: exercise_2_solution
    /// Enough spins to outlast a 10 ms timer many times over; a loop that
    /// starved its timers would stop here instead of at the timer.
    const GIVE_UP_AFTER: u64 = 1_000_000;

    /// Runs, then queues itself again at once, until the timer has fired.
    fn spin(
        event_loop: &mut EventLoop,
        spins: Rc<RefCell<u64>>,
        timer_ran: Rc<RefCell<bool>>,
    ) {
        if *timer_ran.borrow() || *spins.borrow() == GIVE_UP_AFTER {
            return;
        }
        *spins.borrow_mut() += 1;
        event_loop.call_soon(move |event_loop| spin(event_loop, spins, timer_ran));
    }

    let spins = Rc::new(RefCell::new(0));
    let timer_ran = Rc::new(RefCell::new(false));
    let mut event_loop = EventLoop::new();
    let (counter, flag) = (Rc::clone(&spins), Rc::clone(&timer_ran));
    event_loop.call_soon(move |event_loop| spin(event_loop, counter, flag));
    let flag = Rc::clone(&timer_ran);
    event_loop.call_later(Duration::from_millis(10), move |event_loop| {
        *flag.borrow_mut() = true;
        event_loop.stop();
    });
    event_loop.run_forever();
    assert!(*timer_ran.borrow());
    assert!(
        *spins.borrow() < GIVE_UP_AFTER,
        "the timer ran while the spinner was still going"
    );
    // ANCHOR_END: exercise_2_solution
}

/// Ticks of a tokio interval with `behavior`, as whole periods since the
/// start, when the loop stalls for three periods after the first tick.
/// Runs on paused time: `advance` moves the clock as a stall would, exactly.
fn tick_times_after_a_stall(behavior: MissedTickBehavior, ticks: usize) -> Vec<u32> {
    // ANCHOR: exercise_3_solution
    let period = Duration::from_millis(500);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap();
    runtime.block_on(async {
        let start = Instant::now();
        let mut interval = time::interval(period);
        interval.set_missed_tick_behavior(behavior);
        let mut times = Vec::new();
        for tick in 0..ticks {
            interval.tick().await;
            let elapsed = Instant::now() - start;
            times.push((elapsed.as_millis() / period.as_millis()) as u32);
            if tick == 0 {
                // The exercise's `std::thread::sleep` of three intervals: a
                // callback that holds the thread while time goes on.
                time::advance(3 * period).await;
            }
        }
        times
    })
    // ANCHOR_END: exercise_3_solution
}

/// Exercise 3: after a stall, `Burst` fires the missed ticks back to back and
/// then keeps the original schedule; `Delay` fires one late tick and then
/// starts a new schedule one period after it.
#[test]
fn exercise_3_burst_catches_up_delay_shifts_the_schedule() {
    // ANCHOR: exercise_3_assertions
    assert_eq!(
        tick_times_after_a_stall(MissedTickBehavior::Burst, 6),
        [0, 3, 3, 3, 4, 5]
    );
    assert_eq!(
        tick_times_after_a_stall(MissedTickBehavior::Delay, 6),
        [0, 3, 4, 5, 6, 7]
    );
    // ANCHOR_END: exercise_3_assertions
}

// The reference solution of exercise 5, the file the page shows and the
// exercises checker grades against: `yield_now`.
#[allow(unreachable_pub)]
#[path = "../exercises/1.5-give-the-loop-a-turn/solution.rs"]
mod give_the_loop_a_turn;
use give_the_loop_a_turn::yield_now;

/// Exercise 5: `yield_now` lets a task step aside: two tasks alternate, and a
/// callback queued meanwhile runs between their steps, not after them.
#[test]
fn exercise_5_yield_now_takes_turns() {
    // ANCHOR: exercise_5_assertions
    let log = Log::default();
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
    assert_eq!(*log.borrow(), ["a1", "b1", "callback", "a2", "b2"]);
    // ANCHOR_END: exercise_5_assertions
}
