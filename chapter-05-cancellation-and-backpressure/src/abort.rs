//! `JoinSet` and `abort`: spawned tasks are cancelled too, and in the same
//! way: an aborted task is dropped at its next `.await`. Dropping a
//! `JoinSet` aborts every task in it. A task that never awaits gives the
//! runtime no place to drop it: aborted, it runs to its end.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use crate::chain;
use crate::observe::progress::Progress;

// ANCHOR: polite
/// A task that awaits after every step (a yield): it can be dropped there.
async fn steps_with_awaits(limit: u32, progress: Arc<Progress>) {
    loop {
        progress.step(limit);
        tokio::task::yield_now().await;
    }
}

/// A task that never awaits: one `poll` runs the whole chain.
async fn steps_without_awaits(steps: usize, limit: u32, progress: Arc<Progress>) {
    chain::run_all(steps, limit, &progress);
}
// ANCHOR_END: polite

/// How an abort ended for the tasks: how many were cancelled, how many
/// ran to their end anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Joined {
    /// Tasks whose `JoinError` says cancelled.
    pub cancelled: usize,
    /// Tasks that returned normally.
    pub completed: usize,
}

// ANCHOR: abort_all
/// Starts `tasks` tasks that await between steps, waits `after`, aborts them
/// all, and collects how each ended. Returns when the abort was done, and that.
pub async fn abort_all(
    tasks: usize,
    after: Duration,
    limit: u32,
    progress: Arc<Progress>,
) -> (Instant, Joined) {
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        set.spawn(steps_with_awaits(limit, Arc::clone(&progress)));
    }
    tokio::time::sleep(after).await;
    set.abort_all();
    let aborted = Instant::now(); // any step that begins from here on ran on
    let mut joined = Joined::default();
    while let Some(result) = set.join_next().await {
        match result {
            Err(err) if err.is_cancelled() => joined.cancelled += 1,
            _ => joined.completed += 1,
        }
    }
    (aborted, joined)
}
// ANCHOR_END: abort_all

// ANCHOR: drop_set
/// The same tasks, and the `JoinSet` simply dropped after `after`.
/// Returns when the drop was done.
pub async fn drop_set(
    tasks: usize,
    after: Duration,
    limit: u32,
    progress: Arc<Progress>,
) -> Instant {
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        set.spawn(steps_with_awaits(limit, Arc::clone(&progress)));
    }
    tokio::time::sleep(after).await;
    drop(set); // aborts every task in it
    Instant::now()
}
// ANCHOR_END: drop_set

// ANCHOR: abort_stubborn
/// A task with no `.await` in its chain, aborted `after` it began (a task
/// aborted before its first poll never starts: that is not the lesson).
/// Returns when it was aborted, and how it ended.
pub async fn abort_without_awaits(
    steps: usize,
    after: Duration,
    limit: u32,
    progress: Arc<Progress>,
) -> (Instant, Joined) {
    let (began, has_begun) = tokio::sync::oneshot::channel();
    let task = tokio::spawn(async move {
        let _ = began.send(());
        steps_without_awaits(steps, limit, progress).await
    });
    let _ = has_begun.await;
    tokio::time::sleep(after).await;
    task.abort(); // asks; the task is inside its one poll and cannot hear
    let aborted = Instant::now();
    let joined = match task.await {
        Err(err) if err.is_cancelled() => Joined { cancelled: 1, completed: 0 },
        _ => Joined { cancelled: 0, completed: 1 },
    };
    (aborted, joined)
}
// ANCHOR_END: abort_stubborn
