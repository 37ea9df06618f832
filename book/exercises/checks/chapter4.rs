//! Chapter 4's checks: a pool returns results in call order, a hung worker
//! is killed and reaped within its timeout, and a loop hands work to a
//! pool and keeps beating.

use std::future::Future;
use std::io;
use std::process::{Child, Command, ExitStatus};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use num_bigint::BigUint;

use super::Checked;
use super::measure::{Overlap, catch, heartbeat, long_step, ms, wait_for};

/// What a call of 4.6 returns for its input: easy to map back.
fn result_of(input: u64) -> u64 {
    input + 100
}

/// 4.6: 8 inputs on 4 threads; each even call waits for the next one to
/// finish, so the calls certainly finish out of order. The results must
/// come back in input order, and the calls must have overlapped.
pub fn results_in_call_order(
    map: impl FnOnce(usize, &[u64], &(dyn Fn(u64) -> u64 + Sync)) -> Vec<u64>,
) -> Checked {
    let inputs: Vec<u64> = (0..8).collect();
    let done: Vec<AtomicBool> = inputs.iter().map(|_| AtomicBool::new(false)).collect();
    let finished = Mutex::new(Vec::new());
    let overlap = Overlap::default();
    let work = |input: u64| {
        overlap.enter();
        if input.is_multiple_of(2) {
            wait_for(|| done[input as usize + 1].load(Ordering::SeqCst));
        }
        finished.lock().unwrap_or_else(|e| e.into_inner()).push(input);
        done[input as usize].store(true, Ordering::SeqCst);
        overlap.leave();
        result_of(input)
    };
    let results = catch(|| map(4, &inputs, &work))?;
    let finished = finished.into_inner().unwrap_or_else(|e| e.into_inner());
    let wanted: Vec<u64> = inputs.iter().map(|&input| result_of(input)).collect();
    let order: Vec<i64> = results.iter().map(|&r| r as i64 - 100).collect();
    let measured = format!(
        "measured: the calls finished in the order {finished:?}, at most {} at once",
        overlap.most()
    );
    if results != wanted {
        return Err(format!(
            "{measured}; the results came back for the inputs {order:?}, not in call order"
        ));
    }
    if overlap.most() < 2 {
        return Err(format!("{measured}: one at a time, not a pool"));
    }
    Ok(format!("{measured}; the results came back in call order"))
}

/// What the learner's `wait_or_kill` returned, and when.
type Answer = (Child, Result<io::Result<Option<ExitStatus>>, String>, Duration);

/// 4.7: a worker that exits at once must be answered with its status before
/// the timeout; a worker that hangs must be killed and reaped after the
/// timeout and within 3 s of it.
pub fn kill_the_worker_that_hangs(
    wait_or_kill: fn(&mut Child, Duration) -> io::Result<Option<ExitStatus>>,
) -> Checked {
    let quick = Duration::from_secs(5);
    let mut child = spawn_sleep("0")?;
    let started = Instant::now();
    let status = catch(|| wait_or_kill(&mut child, quick))?;
    let took = started.elapsed();
    match status {
        Ok(Some(status)) if status.success() && took < quick => {}
        other => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "measured: for a worker that exits at once, {other:?} after {}",
                ms(took)
            ));
        }
    }

    let timeout = Duration::from_millis(500);
    let grace = Duration::from_secs(3);
    let mut child = spawn_sleep("30")?;
    let pid = Pid::from_raw(child.id() as i32);
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let started = Instant::now();
        let answer = catch(|| wait_or_kill(&mut child, timeout));
        let _ = sender.send((child, answer, started.elapsed()));
    });
    let Ok((mut child, answer, took)): Result<Answer, _> =
        receiver.recv_timeout(timeout + grace)
    else {
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        return Err(format!(
            "measured: {} after a timeout of {}, your function had not returned, \
             and the worker was still running",
            ms(timeout + grace),
            ms(timeout)
        ));
    };
    let left = waitpid(pid, Some(WaitPidFlag::WNOHANG));
    let still_running = matches!(left, Ok(WaitStatus::StillAlive));
    if still_running {
        let _ = child.kill();
        let _ = child.wait();
    }
    let returned = match &answer {
        Ok(Ok(None)) => format!("returned None after {}", ms(took)),
        _ => format!("returned after {}", ms(took)),
    };
    match (answer, left) {
        (Err(panicked), _) => Err(panicked),
        (Ok(Ok(None)), _) if took < timeout => Err(format!(
            "measured: {returned}, before the timeout of {}: killed too early",
            ms(timeout)
        )),
        (Ok(Ok(None)), Ok(WaitStatus::StillAlive)) => Err(format!(
            "measured: {returned}, and the worker was still running: nobody killed it"
        )),
        (Ok(Ok(None)), Ok(_)) => Err(format!(
            "measured: {returned}; the worker was dead but not reaped (a zombie): \
             wait for it after killing it"
        )),
        (Ok(Ok(None)), Err(_)) => Ok(format!(
            "measured: a worker that exits got its status at once; a worker that \
             hangs was killed and reaped {} after a timeout of {}",
            ms(took),
            ms(timeout)
        )),
        (Ok(other), _) => Err(format!(
            "measured: for a worker that hangs, {other:?} after {}; wanted Ok(None)",
            ms(took)
        )),
    }
}

/// Starts `sleep SECONDS`: a worker that exits at once, or one that hangs.
fn spawn_sleep(seconds: &str) -> Result<Child, String> {
    Command::new("sleep")
        .arg(seconds)
        .spawn()
        .map_err(|err| format!("cannot start `sleep`: {err}"))
}

/// 4.8: the learner's `hand_off` on a current-thread runtime beside a
/// heartbeat, with a step long enough to see; the heartbeat must beat
/// during the call, and the product be right.
pub fn hand_off<F>(hand_off: impl FnOnce(&'static rayon::ThreadPool, u32) -> F) -> Checked
where
    F: Future<Output = BigUint>,
{
    let pool: &'static rayon::ThreadPool = Box::leak(Box::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .map_err(|err| format!("cannot start a rayon pool: {err}"))?,
    ));
    let (limit, product) = long_step();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    let beats = Arc::new(AtomicU64::new(0));
    let (answer, during, took) = catch(|| {
        runtime.block_on(async {
            let heartbeat = heartbeat(&beats);
            let (before, started) = (beats.load(Ordering::SeqCst), Instant::now());
            let answer = hand_off(pool, *limit).await;
            let during = beats.load(Ordering::SeqCst) - before;
            heartbeat.abort();
            (answer, during, started.elapsed())
        })
    })?;
    if &answer != product {
        return Err(format!("measured: the answer is not product_below({limit})"));
    }
    let measured = format!(
        "measured: the heartbeat beat {during} times during a call of {}",
        ms(took)
    );
    if during == 0 {
        Err(format!("{measured}: the loop was blocked while the pool computed"))
    } else {
        Ok(format!("{measured}: the loop stayed free while the pool computed"))
    }
}
