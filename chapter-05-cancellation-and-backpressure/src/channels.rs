//! Backpressure: a producer faster than its consumer. Through an unbounded
//! channel, every item the consumer has not taken yet waits in memory, and
//! the queue grows for as long as the producer runs. Through a bounded
//! channel, `send` waits while the channel is full: the producer is slowed
//! to the consumer's pace, and memory stays flat.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::observe::flow::Flow;

/// Each item's payload: 4 KiB.
pub const ITEM_BYTES: usize = 4096;
/// The chapter's consumer: 20 items, then a millisecond's pause.
pub const PACE: Pace = Pace { batch: 20, pause: Duration::from_millis(1) };
/// One item: when it was made, and a payload of `size` bytes.
#[derive(Debug)]
pub struct Item {
    made: Instant,
    payload: Vec<u8>,
}

impl Item {
    fn new(size: usize) -> Self {
        Item { made: Instant::now(), payload: vec![1; size] }
    }
}

/// How the consumer keeps up: `batch` items, then a sleep of `pause` (a
/// slow disk, a slow peer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// Items handled between two pauses.
    pub batch: usize,
    /// The pause.
    pub pause: Duration,
}

// ANCHOR: unbounded
/// `items` items of `size` bytes through an unbounded channel.
pub async fn unbounded(items: usize, size: usize, pace: Pace, flow: Arc<Flow>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let consumer = tokio::spawn(consume_unbounded(rx, pace, Arc::clone(&flow)));
    for _ in 0..items {
        // Never waits: the item joins the queue, however long it is.
        if tx.send(Item::new(size)).is_err() {
            break;
        }
        flow.sent();
    }
    flow.produced();
    drop(tx);
    let _ = consumer.await;
}
// ANCHOR_END: unbounded

// ANCHOR: bounded
/// The same through a channel of `bound` items.
pub async fn bounded(
    items: usize,
    size: usize,
    bound: usize,
    pace: Pace,
    flow: Arc<Flow>,
) {
    let (tx, rx) = mpsc::channel(bound);
    let consumer = tokio::spawn(consume_bounded(rx, pace, Arc::clone(&flow)));
    for _ in 0..items {
        // Waits while the channel is full: the consumer sets the pace.
        if tx.send(Item::new(size)).await.is_err() {
            break;
        }
        flow.sent();
    }
    flow.produced();
    drop(tx);
    let _ = consumer.await;
}
// ANCHOR_END: bounded

async fn consume_unbounded(
    mut rx: mpsc::UnboundedReceiver<Item>,
    pace: Pace,
    flow: Arc<Flow>,
) {
    let mut handled = 0;
    while let Some(item) = rx.recv().await {
        handle(item, &mut handled, pace, &flow).await;
    }
}

async fn consume_bounded(mut rx: mpsc::Receiver<Item>, pace: Pace, flow: Arc<Flow>) {
    let mut handled = 0;
    while let Some(item) = rx.recv().await {
        handle(item, &mut handled, pace, &flow).await;
    }
}

/// The consumer's work on one item: a look at it, and every `batch` items
/// a pause.
async fn handle(item: Item, handled: &mut usize, pace: Pace, flow: &Flow) {
    std::hint::black_box(item.payload.len());
    flow.received(item.made);
    *handled += 1;
    if handled.is_multiple_of(pace.batch) {
        tokio::time::sleep(pace.pause).await;
    }
}
