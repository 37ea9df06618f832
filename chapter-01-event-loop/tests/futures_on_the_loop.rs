//! Sockets and futures on the chapter's loop: `add_reader`, `spawn`, the
//! task's waker, `sleep`. Order tests run on the paused clock, so a slow
//! machine cannot change what they see.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::io::Write;
use std::os::fd::AsRawFd;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use chapter_01_event_loop::callback_loop::EventLoop;
use chapter_01_event_loop::loop_futures::sleep;
use mio::net::UnixStream;

type Log = Rc<RefCell<Vec<String>>>;

fn push(log: &Log, entry: &str) {
    log.borrow_mut().push(entry.to_string());
}

/// A readable socket's callback runs in deadline order with the timers: after
/// the timer that wrote to it, before a later timer.
#[test]
fn a_readable_socket_runs_between_the_timers() {
    let log = Log::default();
    let (mut writer, reader) = UnixStream::pair().unwrap();
    let mut event_loop = EventLoop::paused();
    let seen = Rc::clone(&log);
    event_loop
        .add_reader(reader.as_raw_fd(), move |_| {
            let mut buffer = [0; 16];
            while let Ok(n @ 1..) = std::io::Read::read(&mut &reader, &mut buffer) {
                push(&seen, &format!("readable: {n} bytes"));
            }
        })
        .unwrap();
    let wrote = Rc::clone(&log);
    event_loop.call_later(Duration::from_millis(10), move |_| {
        writer.write_all(b"hi").unwrap();
        push(&wrote, "10 ms: wrote");
    });
    let late = Rc::clone(&log);
    event_loop.call_later(Duration::from_millis(20), move |event_loop| {
        push(&late, "20 ms");
        event_loop.stop();
    });
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["10 ms: wrote", "readable: 2 bytes", "20 ms"]);
}

/// After `remove_reader`, data on the socket no longer calls the callback.
#[test]
fn remove_reader_stops_the_callbacks() {
    let calls = Rc::new(Cell::new(0));
    let (mut writer, reader) = UnixStream::pair().unwrap();
    let fd = reader.as_raw_fd();
    let mut event_loop = EventLoop::paused();
    let counter = Rc::clone(&calls);
    event_loop
        .add_reader(fd, move |event_loop| {
            counter.set(counter.get() + 1);
            assert!(event_loop.remove_reader(fd));
        })
        .unwrap();
    writer.write_all(b"one").unwrap();
    event_loop.call_later(Duration::from_millis(10), move |_| {
        writer.write_all(b"two").unwrap();
    });
    event_loop.call_later(Duration::from_millis(20), EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(calls.get(), 1);
    assert_eq!(event_loop.readers(), 0);
    drop(reader);
}

/// A future awaiting two sleeps finishes after both, and a callback whose
/// deadline falls between them runs between them.
#[test]
fn two_sleeps_in_deadline_order_with_a_callback() {
    let log = Log::default();
    let mut event_loop = EventLoop::paused();
    let task_log = Rc::clone(&log);
    event_loop.spawn(async move {
        sleep(Duration::from_millis(10)).await;
        push(&task_log, "slept 10 ms");
        sleep(Duration::from_millis(30)).await;
        push(&task_log, "slept 30 ms more");
    });
    let between = Rc::clone(&log);
    event_loop.call_later(Duration::from_millis(25), move |_| push(&between, "25 ms"));
    event_loop.call_later(Duration::from_millis(100), EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["slept 10 ms", "25 ms", "slept 30 ms more"]);
    assert_eq!(event_loop.tasks(), 0, "a finished task is dropped");
}

/// Pending until a flag is set; keeps the latest waker where a test can take it.
#[derive(Default)]
struct Gate {
    open: bool,
    waker: Option<Waker>,
}

struct WaitForGate(Arc<Mutex<Gate>>);

impl Future for WaitForGate {
    type Output = ();
    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        let mut gate = self.0.lock().unwrap();
        if gate.open {
            return Poll::Ready(());
        }
        gate.waker = Some(context.waker().clone());
        Poll::Pending
    }
}

/// A waker sent to another thread wakes its task there, through the inbox.
#[test]
fn a_waker_from_another_thread_wakes_its_task() {
    let gate = Arc::new(Mutex::new(Gate::default()));
    let done = Rc::new(Cell::new(false));
    let mut event_loop = EventLoop::new();
    let (future, flag) = (WaitForGate(Arc::clone(&gate)), Rc::clone(&done));
    event_loop.spawn(async move {
        future.await;
        flag.set(true);
    });
    let (send_waker, waker) = mpsc::channel::<()>();
    let opener = Arc::clone(&gate);
    let other = thread::spawn(move || {
        waker.recv().unwrap(); // the task has been polled once and waits
        let mut gate = opener.lock().unwrap();
        gate.open = true;
        gate.waker.take().expect("the first poll left its waker").wake();
    });
    event_loop.call_soon(move |_| send_waker.send(()).unwrap());
    // Stop once the task is done; a far timer keeps the loop honest otherwise.
    let watch = Rc::clone(&done);
    event_loop.call_later(Duration::from_secs(3600), EventLoop::stop);
    event_loop.run_until_complete(async move {
        while !watch.get() {
            sleep(Duration::from_millis(1)).await;
        }
    });
    other.join().unwrap();
    assert!(done.get());
}

/// Counts its polls; ready on the third.
struct ReadyOnThirdPoll {
    polls: Rc<Cell<u32>>,
    waker: Rc<RefCell<Option<Waker>>>,
}

impl Future for ReadyOnThirdPoll {
    type Output = ();
    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        self.polls.set(self.polls.get() + 1);
        *self.waker.borrow_mut() = Some(context.waker().clone());
        if self.polls.get() == 3 { Poll::Ready(()) } else { Poll::Pending }
    }
}

/// Two wakes give two polls; a wake after the task finished polls nothing.
#[test]
fn one_poll_per_wake_and_none_after_completion() {
    let polls = Rc::new(Cell::new(0));
    let waker = Rc::new(RefCell::new(None::<Waker>));
    let mut event_loop = EventLoop::paused();
    let future = ReadyOnThirdPoll { polls: Rc::clone(&polls), waker: Rc::clone(&waker) };
    event_loop.spawn(future);
    let twice = Rc::clone(&waker);
    event_loop.call_soon(move |_| {
        let waker = twice.borrow().clone().expect("polled once already");
        waker.wake_by_ref();
        waker.wake();
    });
    let late = Rc::clone(&waker);
    event_loop.call_later(Duration::from_millis(10), move |_| {
        late.borrow().clone().expect("kept").wake(); // the task is finished
    });
    event_loop.call_later(Duration::from_millis(20), EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(polls.get(), 3);
    assert_eq!(event_loop.tasks(), 0);
}

/// Counts its polls and never finishes.
struct CountPolls(Rc<Cell<u32>>);

impl Future for CountPolls {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        self.0.set(self.0.get() + 1);
        Poll::Pending
    }
}

/// A future that nobody spawns or awaits is never polled; a spawned one is
/// polled only once the loop runs.
#[test]
fn futures_are_polled_only_when_driven() {
    let (never, spawned) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    let mut event_loop = EventLoop::paused();
    let idle = CountPolls(Rc::clone(&never));
    event_loop.spawn(CountPolls(Rc::clone(&spawned)));
    assert_eq!(spawned.get(), 0, "spawn only schedules the first poll");
    event_loop.call_soon(EventLoop::stop);
    event_loop.run_forever();
    drop(idle);
    assert_eq!((never.get(), spawned.get()), (0, 1));
}

/// Two tasks take turns at their `.await` points, first spawned first.
#[test]
fn two_tasks_interleave_in_fifo_order() {
    let log = Log::default();
    let mut event_loop = EventLoop::paused();
    for name in ["a", "b"] {
        let log = Rc::clone(&log);
        event_loop.spawn(async move {
            for step in 0..3 {
                push(&log, &format!("{name}{step}"));
                sleep(Duration::from_millis(1)).await;
            }
        });
    }
    event_loop.call_later(Duration::from_millis(50), EventLoop::stop);
    event_loop.run_forever();
    assert_eq!(*log.borrow(), ["a0", "b0", "a1", "b1", "a2", "b2"]);
}

/// The echo returns what was sent, in every style.
#[test]
fn the_echo_returns_what_was_sent_in_every_style() {
    use chapter_01_event_loop::echo::{self, EchoStyle};
    let messages = echo::messages(5);
    for style in [EchoStyle::Callbacks, EchoStyle::Futures, EchoStyle::Tokio] {
        let echoed = echo::run(style, &messages).unwrap();
        assert_eq!(echoed.replies, messages, "{style}");
        assert!(echoed.address.ip().is_loopback());
    }
}
