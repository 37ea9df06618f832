//! Exercise 5.3, "Cap the requests": the file you edit.
//!
//! An async function that sends `requests` requests to a slow service,
//! `call(0)` ... `call(requests - 1)`, each as a task of its own, and
//! returns when every one has been answered. As written, all of them are in
//! flight at once: the service gets the whole flood. Cap them with a
//! `tokio::sync::Semaphore`: at most `cap` in flight at any moment, and no
//! fewer while requests are waiting. The check's service counts the
//! requests in flight and the answers, and times the whole run against
//! `requests / cap` requests' time.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 5.3`

use std::future::Future;

use tokio::task::JoinSet;

/// Sends every request, at most `cap` in flight; returns when all are answered.
pub async fn request_all<F>(requests: usize, cap: usize, call: impl Fn(usize) -> F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let _ = cap;
    let mut tasks = JoinSet::new();
    for n in 0..requests {
        tasks.spawn(call(n));
    }
    while tasks.join_next().await.is_some() {}
}
