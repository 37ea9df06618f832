//! Every line the program prints: each part's setting, its table and its
//! verdicts. Every line fits 80 columns and puts the lesson's word early.

use shared::cli::say;
use shared::format::{self, bytes, duration};

use crate::channels::{ITEM_BYTES, PACE};
use crate::observe::cancelled::{AbortKind, Aborted, CancelRun, Safety};
use crate::observe::flowed::{BackpressureRun, Flowed};
use crate::observe::locked::Locked;
use crate::observe::verdict::{self, STOPPED_BELOW_STEPS, Stop};
use crate::shared_state::{ROUNDS, TASKS};

/// Part 1: the ways side by side, the aborts, the two loops.
pub fn cancel(run: &CancelRun) {
    say(format!(
        "Part 1: cancellation. One step: the product below {}, {} (CPU {}).",
        run.limit,
        duration(run.step.wall),
        duration(run.step.cpu)
    ));
    say(format!(
        "Each job runs {} steps; its caller gives up after 1.5 steps' CPU, {}.",
        run.steps,
        duration(run.deadline)
    ));
    let mut rows = vec![
        ["way", "at the deadline", "begun", "ended", "gave up", "CPU after it"]
            .map(String::from)
            .to_vec(),
    ];
    for way in &run.ways {
        let after = &way.after;
        rows.push(vec![
            way.way.name().to_string(),
            way.way.how().to_string(),
            after.started.to_string(),
            after.finished.to_string(),
            format!(
                "+{}",
                duration(after.gave_up.saturating_duration_since(after.deadline))
            ),
            format!("{:.2} steps", run.step.of_cpu(after.cpu_after_giving_up)),
        ]);
    }
    format::table(&rows).into_iter().for_each(say);
    say("(gave up: how long after the deadline: a late timer; for the process,");
    say("its start too, as its deadline counts from its first step.)");
    say(format!(
        "Stopped: under {STOPPED_BELOW_STEPS} steps of CPU after giving up (the step in progress,"
    ));
    say("and a step and a half for noise); ran on: more.");
    for way in &run.ways {
        say(format!(
            "{}: {}: {:.2} steps of CPU after giving up",
            way.way.name(),
            Stop::of(&way.after, &run.step).words(),
            run.step.of_cpu(way.after.cpu_after_giving_up)
        ));
    }
    say("");
    say("JoinSet: tasks that await after each step, and one that never awaits.");
    run.aborts.iter().for_each(aborted);
    say("");
    let messages = run.safety.first().map_or(0, |s| s.sent);
    say(format!(
        "Cancel safety: {messages} messages, each sent in two halves 2 ms apart,"
    ));
    say("read in a select! loop beside a 1 ms timer.");
    run.safety.iter().for_each(safety);
}

fn aborted(abort: &Aborted) {
    let word = verdict::stopped_at_await(abort.started_after);
    let began = format!("{} steps began after", abort.started_after);
    let line = match (abort.kind, abort.joined) {
        (AbortKind::AbortAll, Some(joined)) => format!(
            "abort_all: {word}: {began} it; {} of {} cancelled",
            joined.cancelled, abort.tasks
        ),
        (AbortKind::NoAwait, Some(joined)) if joined.completed == 1 => {
            format!("abort, no .await: not stopped: it completed; {began} abort()")
        }
        (AbortKind::NoAwait, _) => {
            format!("abort, no .await: cancelled; {began} abort()")
        }
        _ => format!("dropped JoinSet: {word}: {began} the drop"),
    };
    say(line);
}

fn safety(loop_: &Safety) {
    let lost = loop_.sent - loop_.whole;
    let (name, kind) = if loop_.buffered {
        ("read_buf, buffer kept", "cancel safe")
    } else {
        ("read_exact in the loop", "not cancel safe")
    };
    let word = if lost == 0 { "none lost" } else { "LOST" };
    say(format!("{name}: {word}: {lost} of {} messages lost ({kind})", loop_.sent));
}

/// Part 2: the channels, then the Semaphore.
pub fn backpressure(run: &BackpressureRun) {
    let items = run.channels.first().map_or(0, |c| c.items);
    say(format!(
        "Part 2: backpressure. {items} items of {}; the consumer takes {},",
        bytes(ITEM_BYTES as f64),
        PACE.batch
    ));
    say(format!(
        "then sleeps {}. The bounded run goes first: memory is each run's peak",
        duration(PACE.pause)
    ));
    say("above its start.");
    let mut rows = vec![
        ["channel", "at most", "memory growth", "producer", "consumer"]
            .map(String::from)
            .to_vec(),
    ];
    for flow in &run.channels {
        rows.push(vec![
            channel_name(flow),
            format!("{} queued", flow.peak_in_flight()),
            bytes(flow.growth() as f64),
            format!("{:.0} items/s", flow.producer_rate()),
            format!("{:.0} items/s", flow.throughput()),
        ]);
    }
    format::table(&rows).into_iter().for_each(say);
    for flow in &run.channels {
        let payload = (flow.items * ITEM_BYTES) as u64;
        say(format!(
            "{}: memory {}: {} above the start, at most {} queued",
            channel_name(flow),
            verdict::memory(flow.growth(), payload),
            bytes(flow.growth() as f64),
            flow.peak_in_flight()
        ));
        say(format!(
            "{}: producer {}: {:.0} items/s against {:.0}",
            channel_name(flow),
            verdict::paced(flow.producer_rate(), flow.throughput()),
            flow.producer_rate(),
            flow.throughput()
        ));
    }
    say("");
    let requests = run.requests.first().map_or(0, |r| r.items);
    say(format!(
        "Semaphore: {requests} requests to chapter 3's service, which answers after"
    ));
    say(format!(
        "{} (a child process on 127.0.0.1). All are wanted at once: latency",
        duration(run.service_wait)
    ));
    say("counts from then, any wait for a permit included. The capped run goes");
    say("first: memory is each run's peak above its start.");
    let mut rows = vec![
        ["way", "in flight", "memory growth", "median", "worst", "failed"]
            .map(String::from)
            .to_vec(),
    ];
    for flow in &run.requests {
        let (median, worst) = verdict::median_and_worst(&flow.latencies);
        rows.push(vec![
            request_name(flow),
            flow.peak_in_flight().to_string(),
            bytes(flow.growth() as f64),
            duration(median),
            duration(worst),
            flow.failures.to_string(),
        ]);
    }
    format::table(&rows).into_iter().for_each(say);
    for flow in &run.requests {
        let failed = if flow.failures == 0 { "none failed" } else { "FAILED" };
        say(format!(
            "{}: {failed}: {} of {} requests failed, {} in flight at most",
            request_name(flow),
            flow.failures,
            flow.items,
            flow.peak_in_flight()
        ));
    }
}

fn channel_name(flow: &Flowed) -> String {
    match flow.bound {
        Some(bound) => format!("bounded {bound}"),
        None => "unbounded".to_string(),
    }
}

fn request_name(flow: &Flowed) -> String {
    match flow.bound {
        Some(permits) => format!("capped {permits}"),
        None => "uncapped".to_string(),
    }
}

/// Part 3: the two fixes, and what one costs against the other.
pub fn state(locks: &[Locked]) {
    say(format!(
        "Part 3: a Mutex and .await. {TASKS} tasks add 1 to a counter {ROUNDS} times"
    ));
    say("each, with a yield after each addition, on 2 threads.");
    say("A std Mutex guard held across the .await does not compile (not Send).");
    for locked in locks {
        let expected = (TASKS * ROUNDS) as u64;
        let word = if locked.count == expected { "counted" } else { "LOST COUNTS" };
        say(format!(
            "{}: {word}: {} of {expected}, {} each",
            locked.lock.name(),
            locked.count,
            duration(locked.each())
        ));
    }
    if let [dropped, held] = locks {
        let ratio = held.wall.as_secs_f64() / dropped.wall.as_secs_f64().max(1e-9);
        say(format!(
            "cost: holding tokio's Mutex across .await took {ratio:.1}× the time"
        ));
    }
}
