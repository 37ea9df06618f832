//! What Part 2 measured: each channel, each way of sending the requests.

use std::time::Duration;

use shared::measure::Measurement;

use crate::observe::flow::Sample;

/// One flow, measured: a channel or a batch of requests.
#[derive(Debug, Clone)]
pub struct Flowed {
    /// The bound: capacity or permits; `None` without one.
    pub bound: Option<usize>,
    /// Items (or requests) sent.
    pub items: usize,
    /// Wall time of the whole flow.
    pub wall: Duration,
    /// How long the producer took to send everything.
    pub produced_by: Duration,
    /// Every item's latency, made to received.
    pub latencies: Vec<Duration>,
    /// Requests that failed.
    pub failures: u64,
    /// Queue (in flight) and memory over time.
    pub samples: Vec<Sample>,
    /// Wall and CPU time of the whole flow.
    pub measurement: Measurement,
}

impl Flowed {
    /// Resident memory at the start.
    pub fn rss_start(&self) -> u64 {
        self.samples.first().map_or(0, |s| s.rss)
    }

    /// The highest resident memory sampled.
    pub fn rss_peak(&self) -> u64 {
        self.samples.iter().map(|s| s.rss).max().unwrap_or(0)
    }

    /// The peak above the start.
    pub fn growth(&self) -> u64 {
        self.rss_peak().saturating_sub(self.rss_start())
    }

    /// The most items in flight at one sample.
    pub fn peak_in_flight(&self) -> u64 {
        self.samples.iter().map(|s| s.in_flight).max().unwrap_or(0)
    }

    /// Items handled per second of the whole flow.
    pub fn throughput(&self) -> f64 {
        self.items as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    /// Items the producer sent per second until it was done.
    pub fn producer_rate(&self) -> f64 {
        self.items as f64 / self.produced_by.as_secs_f64().max(1e-9)
    }
}

/// Everything Part 2 measured.
#[derive(Debug, Clone)]
pub struct BackpressureRun {
    /// Unbounded, then bounded.
    pub channels: Vec<Flowed>,
    /// Uncapped, then capped.
    pub requests: Vec<Flowed>,
    /// How long the service waits before each answer.
    pub service_wait: Duration,
}
