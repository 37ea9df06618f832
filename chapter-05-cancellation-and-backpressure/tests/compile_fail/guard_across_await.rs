// A std::sync::MutexGuard held across an .await: the future is not Send,
// and tokio::spawn, which may move it between threads, refuses it.
use std::sync::{Arc, Mutex};

// ANCHOR: guard_across_await
async fn add_across_yield(counter: Arc<Mutex<u64>>) {
    let mut n = counter.lock().unwrap();
    tokio::task::yield_now().await; // the guard is still alive here
    *n += 1;
}
// ANCHOR_END: guard_across_await

fn main() {
    let counter = Arc::new(Mutex::new(0));
    tokio::spawn(add_across_yield(counter));
}
