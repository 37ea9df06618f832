//! Exercise 5.1, "Stop at the next step": the file you edit.
//!
//! An async function that runs a chain of CPU steps, `step(0)` ...
//! `step(steps - 1)`, on tokio's blocking pool and returns how many
//! finished. As written, it ignores `token`: once started, the chain runs
//! to its end whoever gives up on it. Make it stop within one step of the
//! token's cancel, as the lesson's chain does: check the token between
//! steps, and return only when the chain has stopped. The check runs 40
//! steps of 20 ms, cancels the token in the middle of the fourth, and
//! counts the steps that began and finished after the cancel (at most the
//! one in progress may finish), also after your function returned.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 5.1`

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

/// Runs the chain off the runtime's thread; returns the steps finished.
pub async fn run_chain(
    steps: usize,
    step: Arc<dyn Fn(usize) + Send + Sync>,
    token: CancellationToken,
) -> usize {
    let _ = token;
    let chain = move || {
        for index in 0..steps {
            step(index);
        }
        steps
    };
    tokio::task::spawn_blocking(chain).await.expect("the chain does not panic")
}
