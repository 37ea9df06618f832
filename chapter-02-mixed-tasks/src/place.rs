//! Where the CPU steps run, and the step on rayon, from any async runtime.
//!
//! rayon is a pool for CPU work, not an async runtime: its tasks cannot be
//! awaited. A oneshot channel bridges the two. The closure on rayon's pool
//! sends the result; the async job awaits the receiving end, which leaves
//! its loop free. `futures`' oneshot works on every runtime.

use futures::channel::oneshot;
use num_bigint::BigUint;

/// Where the CPU steps run. `--offload` names the places off the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Place {
    /// On the loop's own thread, as in the article: the loop is blocked.
    #[value(skip)]
    OnLoop,
    /// The runtime's own pool for blocking work (tokio and async-std
    /// `spawn_blocking`, smol through the `blocking` crate's `unblock`).
    Pool,
    /// rayon's thread pool, answering the async job through a oneshot channel.
    Rayon,
}

// ANCHOR: rayon
/// Computes `product_below(limit)` on rayon's global pool and awaits the answer.
pub async fn on_rayon(limit: u32) -> Result<BigUint, String> {
    let (sender, receiver) = oneshot::channel();
    rayon::spawn(move || {
        // If the receiver is gone, nobody wants the answer: dropping it is fine.
        let _ = sender.send(shared::workload::product_below(limit));
    });
    receiver.await.map_err(|_| "the rayon task ended without an answer".to_string())
}
// ANCHOR_END: rayon
