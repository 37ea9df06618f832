//! 5.3's check: 64 requests with a cap of 8, to a service in the check's
//! program that answers each after 20 ms, on a current-thread runtime. The
//! service counts the requests in flight (the most at once) and the
//! answers; the check times the whole run and each request.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use course_exercises::measure::ms;
use course_exercises::probe::Probe;

use super::answer;

const REQUESTS: usize = 64;
const CAP: usize = 8;
const ANSWER_AFTER: Duration = Duration::from_millis(20);

/// The slow service: counts what it was asked, and how many at once.
#[derive(Default)]
struct Service {
    now: AtomicU64,
    most: AtomicU64,
    answered: AtomicU64,
    /// The requests' own time, summed, in microseconds.
    busy_us: AtomicU64,
}

impl Service {
    async fn request(&self) {
        let started = Instant::now();
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
        tokio::time::sleep(ANSWER_AFTER).await;
        self.now.fetch_sub(1, Ordering::SeqCst);
        self.answered.fetch_add(1, Ordering::SeqCst);
        let took = started.elapsed().as_micros() as u64;
        self.busy_us.fetch_add(took, Ordering::SeqCst);
    }

    fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::SeqCst)
    }
}

pub(crate) fn measure(probe: &Probe) {
    let service = Arc::new(Service::default());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio starts");
    let call = {
        let service = Arc::clone(&service);
        move |_n: usize| {
            let service = Arc::clone(&service);
            async move { service.request().await }
        }
    };
    probe.waiting("your request_all(64, 8, call) to return");
    let started = Instant::now();
    runtime.block_on(answer::request_all(REQUESTS, CAP, call));
    let took = started.elapsed();
    let answered = Service::get(&service.answered);
    probe.fact("requests", REQUESTS);
    probe.fact("cap", CAP);
    probe.fact("answered", answered);
    probe.fact("most", Service::get(&service.most));
    probe.fact("ms", ms(took));
    let each_us = Service::get(&service.busy_us) / answered.max(1);
    probe.fact("request_ms", each_us / 1_000);
    // The time of the run if `cap` requests were always in flight.
    let ideal_us = each_us * (REQUESTS / CAP) as u64;
    probe.fact("ideal_ms", ideal_us / 1_000);
}
