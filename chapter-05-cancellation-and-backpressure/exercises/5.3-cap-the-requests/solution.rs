//! Exercise 5.3, "Cap the requests": the reference solution.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

// ANCHOR: solution
/// Sends every request, at most `cap` in flight; returns when all are answered.
pub async fn request_all<F>(requests: usize, cap: usize, call: impl Fn(usize) -> F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let semaphore = Arc::new(Semaphore::new(cap));
    let mut tasks = JoinSet::new();
    for n in 0..requests {
        // Waits here while `cap` requests are in flight.
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("nobody closes the semaphore");
        let request = call(n);
        tasks.spawn(async move {
            request.await;
            // Given back when the request is answered, not before.
            drop(permit);
        });
    }
    while tasks.join_next().await.is_some() {}
}
// ANCHOR_END: solution
