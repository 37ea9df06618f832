//! Exercise 5.2, "Pick a bound": the file you edit.
//!
//! A pipeline: a producer takes items from `produce` (bursts of 100 at
//! once, then a pause) and a consumer hands each to `consume` (about a
//! millisecond each), through a channel between them; `tokio::join!` runs
//! the two together in one task. As written, the
//! channel is unbounded: the producer is faster, so the queue grows for as
//! long as it runs. Bound the channel so that at most 200 items are in
//! flight (made but not yet consumed), while the pipeline's throughput
//! stays within 90% of the unbounded run's. The check counts the items in
//! flight from outside, and runs the unbounded pipeline itself for the
//! throughput to compare with.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 5.2`

/// Passes every item from `produce` (until it returns `None`) to `consume`.
pub async fn pipeline(
    mut produce: impl AsyncFnMut() -> Option<Vec<u8>>,
    mut consume: impl AsyncFnMut(Vec<u8>),
) {
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
    let producer = async move {
        while let Some(item) = produce().await {
            sender.send(item).expect("the consumer is there");
        }
    };
    let consumer = async {
        while let Some(item) = receiver.recv().await {
            consume(item).await;
        }
    };
    tokio::join!(producer, consumer);
}
