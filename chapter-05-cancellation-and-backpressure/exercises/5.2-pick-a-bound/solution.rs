//! Exercise 5.2, "Pick a bound": the reference solution.

// ANCHOR: solution
/// Room for one burst: the consumer works through it while the producer
/// pauses, and the producer waits while it is full.
const BOUND: usize = 100;

/// Passes every item from `produce` (until it returns `None`) to `consume`.
pub async fn pipeline(
    mut produce: impl AsyncFnMut() -> Option<Vec<u8>>,
    mut consume: impl AsyncFnMut(Vec<u8>),
) {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(BOUND);
    let producer = async move {
        while let Some(item) = produce().await {
            // Waits for room: the producer runs at the consumer's pace.
            sender.send(item).await.expect("the consumer is there");
        }
    };
    let consumer = async {
        while let Some(item) = receiver.recv().await {
            consume(item).await;
        }
    };
    tokio::join!(producer, consumer);
}
// ANCHOR_END: solution
