//! 4.7's check: a worker that exits at once (`sleep 0`) and one that hangs
//! (`sleep 30`), each through the answer with a timeout. Reports what the
//! answer returned and when, and what became of the hung worker: after the
//! answer returned, the check waits up to a second for a kill to land, then
//! looks whether the worker is still running, dead but unreaped (a zombie),
//! or gone.

use std::process::{Child, Command};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use course_exercises::measure::ms;
use course_exercises::probe::Probe;
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;

use super::answer;

fn sleep(seconds: &str) -> Child {
    Command::new("sleep").arg(seconds).spawn().expect("`sleep` starts")
}

/// What the answer returned, in the judge's words.
fn returned(answer: &std::io::Result<Option<std::process::ExitStatus>>) -> String {
    match answer {
        Ok(Some(status)) => match status.code() {
            Some(code) => format!("status {code}"),
            None => "status killed".to_string(),
        },
        Ok(None) => "none".to_string(),
        Err(err) => format!("error {err}"),
    }
}

pub(crate) fn measure(probe: &Probe) {
    let mut quick = sleep("0");
    let started = Instant::now();
    probe.waiting("your wait_or_kill on a worker that exits at once");
    let answer = answer::wait_or_kill(&mut quick, Duration::from_secs(5));
    probe.fact("quick_returned", returned(&answer));
    probe.fact("quick_ms", ms(started.elapsed()));
    let _ = quick.kill();
    let _ = quick.wait();

    let timeout = Duration::from_millis(500);
    let mut hung = sleep("30");
    let pid = Pid::from_raw(hung.id() as i32);
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let started = Instant::now();
        let answer = answer::wait_or_kill(&mut hung, timeout);
        let _ = sender.send((returned(&answer), started.elapsed()));
        // Keep the handle: dropping a `Child` neither kills nor reaps it.
        std::mem::forget(hung);
    });
    probe.fact("timeout_ms", ms(timeout));
    probe.waiting("your wait_or_kill on a worker that hangs");
    let Ok((answer, took)) = receiver.recv_timeout(timeout + Duration::from_secs(3)) else {
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        probe.fact("hung_returned", "not yet");
        probe.fact("hung_ms", ms(timeout + Duration::from_secs(3)));
        return;
    };
    probe.fact("hung_returned", answer);
    probe.fact("hung_ms", ms(took));
    probe.fact("worker", worker_state(pid));
}

/// What became of the hung worker: "running" (nobody killed it), "zombie"
/// (killed, not reaped), "reaped". A kill takes a moment to land, so a
/// worker still running is looked at again for up to a second.
fn worker_state(pid: Pid) -> &'static str {
    let started = Instant::now();
    loop {
        // Reaping it here is how a zombie shows; the answer's own reap
        // makes this fail with ECHILD.
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Err(_) => return "reaped",
            Ok(WaitStatus::StillAlive) if started.elapsed() < Duration::from_secs(1) => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Ok(WaitStatus::StillAlive) => {
                let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
                let _ = waitpid(pid, None);
                return "running";
            }
            Ok(_) => return "zombie",
        }
    }
}
