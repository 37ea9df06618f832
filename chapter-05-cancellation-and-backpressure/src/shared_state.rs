//! State shared across `.await`. A `std::sync::MutexGuard` is not `Send`:
//! a future that holds one across an `.await` is not `Send` either, and
//! `tokio::spawn` refuses it (the compiler's message is recorded in
//! `tests/compile_fail/guard_across_await.stderr`). Two fixes: drop the
//! guard before the `.await`, or, when the lock must be held across it,
//! `tokio::sync::Mutex`, whose `lock` is itself awaited.
//!
//! Here `tasks` tasks each add 1 to a shared counter `rounds` times, with a
//! yield after each addition, on a runtime of two threads.

use std::sync::Arc;

use tokio::task::JoinSet;

// ANCHOR: drop_before_await
/// `std::sync::Mutex`, the guard dropped before the `.await`.
async fn add_then_yield(counter: Arc<std::sync::Mutex<u64>>, rounds: usize) {
    for _ in 0..rounds {
        {
            let mut n = counter.lock().unwrap_or_else(|poison| poison.into_inner());
            *n += 1;
        } // the guard is dropped here, before the await
        tokio::task::yield_now().await;
    }
}
// ANCHOR_END: drop_before_await

// ANCHOR: tokio_mutex
/// `tokio::sync::Mutex`, the guard held across the `.await`: allowed, and
/// every other task waits for the lock meanwhile.
async fn add_across_yield(counter: Arc<tokio::sync::Mutex<u64>>, rounds: usize) {
    for _ in 0..rounds {
        let mut n = counter.lock().await;
        tokio::task::yield_now().await; // still holding the lock
        *n += 1;
    }
}
// ANCHOR_END: tokio_mutex

/// Tasks contending for the lock.
pub const TASKS: usize = 8;
/// Additions per task.
pub const ROUNDS: usize = 20_000;

/// Which lock, and how it is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// `std::sync::Mutex`, dropped before the `.await`.
    StdDropped,
    /// `tokio::sync::Mutex`, held across the `.await`.
    TokioHeld,
}

impl Lock {
    /// Both, in the order the chapter shows them.
    pub const ALL: [Lock; 2] = [Lock::StdDropped, Lock::TokioHeld];

    /// How the report names it.
    pub fn name(self) -> &'static str {
        match self {
            Lock::StdDropped => "std Mutex, dropped before .await",
            Lock::TokioHeld => "tokio Mutex, held across .await",
        }
    }
}

/// Runs `tasks` tasks of `rounds` additions with `lock`; returns the count.
pub async fn contend(lock: Lock, tasks: usize, rounds: usize) -> u64 {
    let mut set = JoinSet::new();
    match lock {
        Lock::StdDropped => {
            let counter = Arc::new(std::sync::Mutex::new(0));
            for _ in 0..tasks {
                set.spawn(add_then_yield(Arc::clone(&counter), rounds));
            }
            while set.join_next().await.is_some() {}
            *counter.lock().unwrap_or_else(|poison| poison.into_inner())
        }
        Lock::TokioHeld => {
            let counter = Arc::new(tokio::sync::Mutex::new(0));
            for _ in 0..tasks {
                set.spawn(add_across_yield(Arc::clone(&counter), rounds));
            }
            while set.join_next().await.is_some() {}
            *counter.lock().await
        }
    }
}
