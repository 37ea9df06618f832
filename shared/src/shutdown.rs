//! One Ctrl-C handler per program, usable from plain threads and from any
//! async runtime.
//!
//! A terminal's Ctrl-C sends SIGINT. Installing a handler once (with the
//! `ctrlc` crate) and turning the signal into a flag plus two kinds of
//! wake-up, a condition variable for blocking code and an `event-listener`
//! event for async code, lets tokio, async-std, smol and plain threads all stop
//! the same way. A second Ctrl-C exits at once, for a program stuck in CPU work.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use event_listener::Event;

/// A stop request that many places can wait for.
#[derive(Debug, Default)]
pub struct Shutdown {
    requested: AtomicBool,
    lock: Mutex<()>,
    wake_threads: Condvar,
    wake_tasks: Event,
}

static CTRL_C: OnceLock<Shutdown> = OnceLock::new();

/// The exit code of a program stopped by Ctrl-C (SIGINT): 128 + 2, the shell's
/// convention, so that a script can tell a stopped run from a finished one.
pub const EXIT_INTERRUPTED: i32 = 130;

/// The program's Ctrl-C shutdown; the handler is installed on the first call.
pub fn ctrl_c() -> &'static Shutdown {
    CTRL_C.get_or_init(|| {
        let installed = ctrlc::set_handler(|| {
            let shutdown = CTRL_C.get().expect("initialised before the handler runs");
            if shutdown.is_requested() {
                // Second Ctrl-C: the program did not stop in time, leave now.
                std::process::exit(EXIT_INTERRUPTED);
            }
            shutdown.request();
        });
        if let Err(err) = installed {
            eprintln!("warning: Ctrl-C handler not installed: {err}");
        }
        Shutdown::default()
    })
}

impl Shutdown {
    /// A shutdown that no signal triggers; `request` is the only way to set it.
    pub fn new() -> Self {
        Shutdown::default()
    }

    /// Whether a stop was requested.
    pub fn is_requested(&self) -> bool {
        self.requested.load(Ordering::SeqCst)
    }

    /// Requests a stop and wakes every waiter, blocking or async.
    pub fn request(&self) {
        self.requested.store(true, Ordering::SeqCst);
        // Taking the lock orders this wake-up after any waiter's check.
        drop(self.lock.lock().unwrap_or_else(|poison| poison.into_inner()));
        self.wake_threads.notify_all();
        self.wake_tasks.notify(usize::MAX);
    }

    /// Sleeps for `duration` unless a stop is requested first. Returns `true`
    /// if the sleep was cut short by the stop request.
    pub fn sleep(&self, duration: Duration) -> bool {
        let deadline = Instant::now() + duration;
        let mut guard = self.lock.lock().unwrap_or_else(|poison| poison.into_inner());
        loop {
            if self.is_requested() {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            guard = self
                .wake_threads
                .wait_timeout(guard, deadline - now)
                .unwrap_or_else(|poison| poison.into_inner())
                .0;
        }
    }

    /// Blocks the calling thread until a stop is requested.
    pub fn wait(&self) {
        while !self.sleep(Duration::from_secs(3600)) {}
    }

    /// Resolves once a stop is requested. Works on any async runtime.
    pub async fn requested(&self) {
        loop {
            if self.is_requested() {
                return;
            }
            // Listen first, then check again: a request between the two is not lost.
            let listener = self.wake_tasks.listen();
            if self.is_requested() {
                return;
            }
            listener.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::thread;

    /// A sleep with no request runs to its end and reports "not interrupted".
    #[test]
    fn sleep_without_request_runs_full_length() {
        let shutdown = Shutdown::new();
        let start = Instant::now();
        assert!(!shutdown.sleep(Duration::from_millis(30)));
        assert!(start.elapsed() >= Duration::from_millis(30));
    }

    /// A request from another thread cuts a long sleep short.
    #[test]
    fn request_wakes_a_sleeping_thread() {
        let shutdown = Arc::new(Shutdown::new());
        let sleeper = {
            let shutdown = Arc::clone(&shutdown);
            thread::spawn(move || shutdown.sleep(Duration::from_secs(60)))
        };
        shutdown.request();
        assert!(sleeper.join().unwrap(), "the sleep reports it was interrupted");
    }

    /// A request wakes an async waiter (driven here by smol's executor).
    #[test]
    fn request_wakes_an_async_waiter() {
        let shutdown = Arc::new(Shutdown::new());
        let requester = {
            let shutdown = Arc::clone(&shutdown);
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(20));
                shutdown.request();
            })
        };
        futures_lite_block_on(shutdown.requested());
        assert!(shutdown.is_requested());
        requester.join().unwrap();
    }

    /// A minimal executor so this test needs no runtime crate.
    fn futures_lite_block_on<F: std::future::Future>(future: F) -> F::Output {
        use std::pin::pin;
        use std::task::{Context, Poll, Wake, Waker};

        struct ThreadWaker(thread::Thread);
        impl Wake for ThreadWaker {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
        let mut cx = Context::from_waker(&waker);
        let mut future = pin!(future);
        loop {
            if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
                return value;
            }
            thread::park();
        }
    }
}
