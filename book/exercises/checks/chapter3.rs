//! Chapter 3's checks: did the calls overlap? Each call of CPU work waits
//! (up to [`PATIENCE`](super::measure::PATIENCE)) for a second call to
//! begin, so calls that can overlap always do, and calls that cannot are
//! seen one at a time: the count of calls at once is certain, not luck.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use shared::workload::{fingerprint, product_below};

use super::Checked;
use super::measure::{Overlap, catch, heartbeat, wait_for};

/// A call's CPU work: small, it is the overlap that is measured.
const LIMIT: u32 = 5_000;

/// "parallel" needs two cores; on one, overlapping calls take turns.
fn cores() -> usize {
    shared::machine::cores()
}

/// 3.6: 8 calls on threads: all ran, on at least 2 threads, and (with two
/// cores or more) at least 2 at once.
pub fn on_threads(run: impl FnOnce(usize, &(dyn Fn(usize) + Sync))) -> Checked {
    const CALLS: usize = 8;
    let overlap = Overlap::default();
    let ran = Mutex::new(Vec::new());
    let call = |index: usize| {
        overlap.enter();
        wait_for(|| overlap.started() >= 2);
        product_below(LIMIT);
        ran.lock().unwrap_or_else(|e| e.into_inner()).push(index);
        overlap.leave();
    };
    catch(|| run(CALLS, &call))?;
    let mut ran = ran.into_inner().unwrap_or_else(|e| e.into_inner());
    ran.sort_unstable();
    if ran != (0..CALLS).collect::<Vec<_>>() {
        return Err(format!(
            "measured: the calls that ran were {ran:?}; each of 0..{CALLS} must run once"
        ));
    }
    overlap_verdict(&overlap, CALLS)
}

/// The common verdict: how many threads ran the calls, how many at once.
fn overlap_verdict(overlap: &Overlap, calls: usize) -> Checked {
    let (threads, most) = (overlap.threads(), overlap.most());
    let measured = format!(
        "measured: {calls} calls ran on {threads} thread(s), at most {most} at once"
    );
    if most < 2 {
        return Err(format!("{measured}: one after another, serialised"));
    }
    if cores() < 2 {
        return Ok(format!(
            "{measured}: time-sliced (one core here, so overlap is not required)"
        ));
    }
    Ok(format!("{measured}: parallel on {} cores", cores()))
}

/// 3.7: 4 threads each make one call under the lock: the total is right and
/// the `work()`s overlapped, so the lock was not held while they computed.
pub fn release_the_lock(
    call: impl Fn(&Mutex<u64>, &(dyn Fn() -> u64 + Sync)) + Sync,
) -> Checked {
    const CALLS: usize = 4;
    let lock = Mutex::new(0);
    let overlap = Overlap::default();
    let work = || {
        overlap.enter();
        wait_for(|| overlap.started() >= 2);
        let bits = fingerprint(&product_below(LIMIT));
        overlap.leave();
        bits
    };
    catch(|| {
        std::thread::scope(|scope| {
            for _ in 0..CALLS {
                scope.spawn(|| call(&lock, &work));
            }
        })
    })?;
    let total = lock.into_inner().unwrap_or_else(|e| e.into_inner());
    let wanted = CALLS as u64 * fingerprint(&product_below(LIMIT));
    if total != wanted {
        return Err(format!(
            "measured: a total of {total}, where the {CALLS} results add up to {wanted}"
        ));
    }
    let most = overlap.most();
    let measured =
        format!("measured: {CALLS} calls, at most {most} work() in progress at once");
    if most < 2 {
        Err(format!("{measured}: the lock was held while they worked, serialised"))
    } else {
        Ok(format!(
            "{measured}, and the total right: the lock was released around the work"
        ))
    }
}

/// 3.8: 4 calls from an async function on a current-thread runtime beside a
/// heartbeat: the heartbeat beat during the calls, and they overlapped.
pub fn off_the_workers<F>(
    run: impl FnOnce(usize, Arc<dyn Fn(usize) + Send + Sync>) -> F,
) -> Checked
where
    F: Future<Output = ()>,
{
    const CALLS: usize = 4;
    let overlap = Arc::new(Overlap::default());
    let beats = Arc::new(AtomicU64::new(0));
    let (calls, heard) = (Arc::clone(&overlap), Arc::clone(&beats));
    let call = Arc::new(move |_index: usize| {
        calls.enter();
        let before = heard.load(Ordering::SeqCst);
        wait_for(|| calls.started() >= 2 && heard.load(Ordering::SeqCst) > before);
        product_below(LIMIT);
        calls.leave();
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    let during = catch(|| {
        runtime.block_on(async {
            let heartbeat = heartbeat(&beats);
            let before = beats.load(Ordering::SeqCst);
            run(CALLS, call).await;
            let during = beats.load(Ordering::SeqCst) - before;
            heartbeat.abort();
            during
        })
    })?;
    if overlap.started() != CALLS {
        return Err(format!(
            "measured: {} calls ran; all {CALLS} must run",
            overlap.started()
        ));
    }
    if during == 0 {
        return Err(format!(
            "measured: the heartbeat beat 0 times during the calls, at most {} \
             at once: the calls held the runtime's only worker",
            overlap.most()
        ));
    }
    let verdict = overlap_verdict(&overlap, CALLS)?;
    Ok(format!("{verdict}; the heartbeat beat {during} times meanwhile"))
}
