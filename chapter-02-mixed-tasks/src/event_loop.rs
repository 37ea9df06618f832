//! What the jobs need from an event loop: the [`Loop`] trait, which each
//! runtime in [`crate::runtimes`] implements in its own idiom, and [`Job`],
//! a future a runtime can drive.

use std::future::Future;
use std::time::Duration;

use num_bigint::BigUint;

// ANCHOR: loop_trait
/// The three things the jobs need from a runtime.
pub trait Loop: Clone + Send + Sync + 'static {
    /// Waits `duration` without blocking the loop.
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send;

    /// Ends the task's turn so that the loop can run something else before
    /// the task goes on. What runs first is the runtime's choice: tokio's
    /// yield lets a timer that fell due run first, asyncio's `call_soon`
    /// does not (see the chapter's page).
    fn yield_now(&self) -> impl Future<Output = ()> + Send;

    /// Runs `product_below(limit)` on the runtime's own pool for blocking
    /// work and waits for it without blocking the loop.
    fn offload(&self, limit: u32)
    -> impl Future<Output = Result<BigUint, String>> + Send;
}
// ANCHOR_END: loop_trait

/// A job a runtime can run: a future that owns what it needs and may move
/// to another thread, as `tokio::spawn` requires.
pub trait Job: Future<Output: Send + 'static> + Send + 'static {}

impl<F: Future<Output: Send + 'static> + Send + 'static> Job for F {}
