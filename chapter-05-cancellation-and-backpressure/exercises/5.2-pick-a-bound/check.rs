//! 5.2's check: 800 items of 1 KiB, each consumed in a sleep of a
//! millisecond, made in bursts of 100 with a pause after each of half the
//! time the consumer takes for a burst (measured first: twice the
//! consumer's pace on average, on any machine), on a current-thread
//! runtime. The check
//! first runs the pipeline unbounded itself, for the throughput to compare
//! with, then the answer's. Reports, for both, the items made and received,
//! the most in flight (made, not yet handed to the consumer), and the time.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use course_exercises::measure::ms;
use course_exercises::probe::Probe;

use super::answer;

const ITEMS: u64 = 800;
const BURST: u64 = 100;
const TAKE: Duration = Duration::from_millis(1);
const ITEM_BYTES: usize = 1_024;
/// The most items in flight the answer may have.
const LIMIT: u64 = 200;

/// Items made and received, and the most in flight, counted from outside.
struct Flow {
    /// The producer's pause after each burst.
    pause: Duration,
    made: AtomicU64,
    received: AtomicU64,
    peak: AtomicU64,
}

impl Flow {
    fn new(pause: Duration) -> Flow {
        let zero = || AtomicU64::new(0);
        Flow { pause, made: zero(), received: zero(), peak: zero() }
    }

    async fn produce(&self) -> Option<Vec<u8>> {
        let made = self.made.load(Ordering::SeqCst);
        if made == ITEMS {
            return None;
        }
        if made > 0 && made.is_multiple_of(BURST) {
            tokio::time::sleep(self.pause).await;
        }
        let made = self.made.fetch_add(1, Ordering::SeqCst) + 1;
        let in_flight = made - self.received.load(Ordering::SeqCst);
        self.peak.fetch_max(in_flight, Ordering::SeqCst);
        Some(vec![1; ITEM_BYTES])
    }

    async fn consume(&self, item: Vec<u8>) {
        drop(item);
        self.received.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(TAKE).await;
    }

    fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::SeqCst)
    }
}

/// The unbounded pipeline, as the starter has it: the run to compare with.
async fn unbounded(flow: &Flow) {
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel();
    let producer = async move {
        while let Some(item) = flow.produce().await {
            let _ = sender.send(item);
        }
    };
    let consumer = async {
        while let Some(item) = receiver.recv().await {
            flow.consume(item).await;
        }
    };
    tokio::join!(producer, consumer);
}

pub(crate) fn measure(probe: &Probe) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio starts");
    let pause = runtime.block_on(async {
        let started = Instant::now();
        for _ in 0..20 {
            tokio::time::sleep(TAKE).await;
        }
        started.elapsed() * BURST as u32 / 20 / 2
    });
    let (baseline, flow) = (Flow::new(pause), Flow::new(pause));
    let (baseline_took, took) = runtime.block_on(async {
        let started = Instant::now();
        unbounded(&baseline).await;
        let baseline_took = started.elapsed();
        probe.waiting("your pipeline to pass 800 items");
        let started = Instant::now();
        answer::pipeline(async || flow.produce().await, async |item| {
            flow.consume(item).await
        })
        .await;
        (baseline_took, started.elapsed())
    });
    probe.fact("items", ITEMS);
    probe.fact("item_bytes", ITEM_BYTES);
    probe.fact("limit", LIMIT);
    probe.fact("pause_ms", ms(pause));
    probe.fact("baseline_ms", ms(baseline_took));
    probe.fact("baseline_peak", Flow::get(&baseline.peak));
    probe.fact("ms", ms(took));
    probe.fact("made", Flow::get(&flow.made));
    probe.fact("received", Flow::get(&flow.received));
    probe.fact("peak", Flow::get(&flow.peak));
}
