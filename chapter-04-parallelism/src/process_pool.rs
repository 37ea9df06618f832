//! A pool of worker processes: the real analogue of `multiprocessing.Pool`.
//!
//! [`ProcessPool::start`] runs N copies of this program as workers (see
//! [`crate::worker`]), each with its stdin and stdout as pipes, and one
//! thread per worker that turns the worker's answers into events on one
//! channel. [`ProcessPool::map`] hands each idle worker the next call, like
//! `Pool.map` with a chunk size of 1, and puts every answer in its caller's
//! slot. A worker that dies or stops answering is reported, never waited on
//! for ever; and every worker is killed and reaped on every way out (the
//! `Drop` impl), because a dropped `std::process::Child` is *not* killed.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use shared::shutdown::Shutdown;

use crate::call::{Call, Fingerprint};
use crate::pool_error::{PoolError, describe_exit};
use crate::protocol::{self, Reply};
use crate::worker;

/// How often the pool looks at Ctrl-C and at the clock while it waits.
const POLL: Duration = Duration::from_millis(20);

/// What a worker's reader thread reports.
#[derive(Debug)]
enum Event {
    Ready(usize),
    Done {
        worker: usize,
        id: usize,
        fingerprint: Fingerprint,
    },
    Garbled {
        worker: usize,
        line: String,
    },
    Refused {
        worker: usize,
        reason: String,
    },
    /// The worker's stdout closed: it has exited, or is about to.
    Closed(usize),
}

/// One worker process and what the pool knows about it.
#[derive(Debug)]
struct Worker {
    child: Child,
    /// `None` once closed: that is how a worker is told to exit.
    stdin: Option<ChildStdin>,
    reader: Option<JoinHandle<()>>,
    /// The call it is computing, and since when.
    busy: Option<(usize, Instant)>,
    reaped: bool,
}

/// N worker processes, started and ready for calls.
#[derive(Debug)]
pub struct ProcessPool {
    workers: Vec<Worker>,
    events: Receiver<Event>,
    timeout: Duration,
    startup: Duration,
}

impl ProcessPool {
    // ANCHOR: start
    /// Starts `size` workers running `program` (this binary) and waits until
    /// each has said it is ready. `timeout` bounds every wait for a worker;
    /// the workers run `nice` steps below normal priority (0: the same).
    pub fn start(
        size: usize,
        program: &Path,
        timeout: Duration,
        nice: i32,
        shutdown: &Shutdown,
    ) -> Result<Self, PoolError> {
        let started = Instant::now();
        let (events_in, events) = mpsc::channel();
        let mut pool = ProcessPool {
            workers: Vec::with_capacity(size),
            events,
            timeout,
            startup: Duration::ZERO,
        };
        for index in 0..size {
            let mut child = Command::new(program)
                .env(worker::WORKER_ENV, "1")
                .env(worker::PARENT_ENV, std::process::id().to_string())
                .env(worker::NICE_ENV, nice.to_string())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .map_err(|err| {
                    PoolError::Spawn(format!("{}: {err}", program.display()))
                })?;
            let stdout = child.stdout.take().expect("stdout is piped");
            let stdin = child.stdin.take();
            let reader = spawn_reader(index, stdout, events_in.clone());
            pool.workers.push(Worker {
                child,
                stdin,
                reader: Some(reader),
                busy: None,
                reaped: false,
            });
        }
        let mut waiting = size;
        let deadline = Instant::now() + timeout;
        while waiting > 0 {
            match pool.next_event(shutdown, Some(deadline))? {
                Event::Ready(_) => waiting -= 1,
                other => return Err(pool.unexpected(other)),
            }
        }
        pool.startup = started.elapsed();
        Ok(pool)
    }
    // ANCHOR_END: start

    /// Number of workers.
    pub fn size(&self) -> usize {
        self.workers.len()
    }

    /// Time from the first spawn until the last worker was ready.
    pub fn startup(&self) -> Duration {
        self.startup
    }

    // ANCHOR: map
    /// Runs every call on the workers, one call per idle worker at a time, and
    /// returns the fingerprints in the order of `calls` (whatever order they
    /// finished in). `on_done` sees each result as it arrives.
    pub fn map(
        &mut self,
        calls: &[Call],
        shutdown: &Shutdown,
        mut on_done: impl FnMut(Call, Fingerprint),
    ) -> Result<Vec<Fingerprint>, PoolError> {
        let mut results: Vec<Option<Fingerprint>> = vec![None; calls.len()];
        let mut queue = calls.iter().enumerate();
        let mut outstanding = calls.len();
        for worker in 0..self.workers.len() {
            if let Some((slot, call)) = queue.next() {
                self.send(worker, slot, *call)?;
            }
        }
        while outstanding > 0 {
            match self.next_event(shutdown, None)? {
                Event::Done { worker, id: slot, fingerprint }
                    if self.workers[worker].busy.map(|b| b.0) == Some(slot) =>
                {
                    self.workers[worker].busy = None;
                    results[slot] = Some(fingerprint);
                    outstanding -= 1;
                    on_done(calls[slot], fingerprint);
                    if let Some((next_slot, call)) = queue.next() {
                        self.send(worker, next_slot, *call)?;
                    }
                }
                other => return Err(self.unexpected(other)),
            }
        }
        Ok(results.into_iter().map(|r| r.expect("every slot was answered")).collect())
    }
    // ANCHOR_END: map

    /// Closes every worker's stdin, so that each exits, and reaps them all (so
    /// that their CPU time is counted in `RUSAGE_CHILDREN`). A worker that
    /// does not exit within the timeout is killed.
    pub fn close(mut self) {
        for worker in &mut self.workers {
            worker.stdin = None;
        }
        let deadline = Instant::now() + self.timeout;
        for worker in &mut self.workers {
            wait_until(&mut worker.child, deadline);
            worker.reaped = true;
        }
        // Drop joins the reader threads; nothing is left to kill.
    }

    /// Sends the call in `slot` to a worker; a broken pipe means it died.
    fn send(&mut self, index: usize, slot: usize, call: Call) -> Result<(), PoolError> {
        // The worker answers with the slot, so the request carries it as the id.
        let line = protocol::request(Call { id: slot, ..call });
        let worker = &mut self.workers[index];
        worker.busy = Some((slot, Instant::now()));
        let written = worker
            .stdin
            .as_mut()
            .map(|stdin| stdin.write_all(line.as_bytes()).and_then(|()| stdin.flush()));
        match written {
            Some(Ok(())) => Ok(()),
            _ => Err(self.died(index)),
        }
    }

    /// Waits for the next event, watching Ctrl-C, busy workers' timeouts and
    /// an optional deadline (for the start-up).
    fn next_event(
        &mut self,
        shutdown: &Shutdown,
        deadline: Option<Instant>,
    ) -> Result<Event, PoolError> {
        loop {
            if shutdown.is_requested() {
                return Err(PoolError::Stopped);
            }
            match self.events.recv_timeout(POLL) {
                Ok(event) => return Ok(event),
                Err(RecvTimeoutError::Disconnected) => {
                    unreachable!("the pool holds no sender, readers do")
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            let now = Instant::now();
            let late = self.workers.iter().position(|w| {
                w.busy.is_some_and(|(_, since)| now - since > self.timeout)
            });
            if let Some(index) = late {
                return Err(self.hung(index));
            }
            if deadline.is_some_and(|deadline| now > deadline) {
                let index =
                    self.workers.iter().position(|w| w.busy.is_none()).unwrap_or(0);
                return Err(self.hung(index));
            }
        }
    }

    /// Turns an event that should not have happened into the error it means.
    fn unexpected(&mut self, event: Event) -> PoolError {
        match event {
            Event::Closed(index) => self.died(index),
            Event::Garbled { worker, line } => PoolError::Garbled {
                worker: worker + 1,
                pid: self.workers[worker].child.id(),
                line,
            },
            Event::Refused { worker, reason } => PoolError::Refused {
                worker: worker + 1,
                pid: self.workers[worker].child.id(),
                reason,
            },
            Event::Ready(worker) | Event::Done { worker, .. } => PoolError::Garbled {
                worker: worker + 1,
                pid: self.workers[worker].child.id(),
                line: "an answer out of turn".to_string(),
            },
        }
    }

    /// Reaps a worker that has gone and says how it went. A worker killed by
    /// SIGINT was hit by the terminal's Ctrl-C: that is a stop, not a crash.
    fn died(&mut self, index: usize) -> PoolError {
        let worker = &mut self.workers[index];
        let pid = worker.child.id();
        let status =
            wait_until(&mut worker.child, Instant::now() + Duration::from_secs(1));
        worker.reaped = true;
        if status.and_then(|s| s.signal())
            == Some(nix::sys::signal::Signal::SIGINT as i32)
        {
            return PoolError::Stopped;
        }
        let how = match status {
            Some(status) => describe_exit(status),
            None => "stopped answering".to_string(),
        };
        PoolError::Died { worker: index + 1, pid, call: worker.busy.map(|b| b.0), how }
    }

    fn hung(&mut self, index: usize) -> PoolError {
        let worker = &mut self.workers[index];
        let _ = worker.child.kill();
        let _ = worker.child.wait();
        worker.reaped = true;
        PoolError::Hung {
            worker: index + 1,
            pid: worker.child.id(),
            call: worker.busy.map(|b| b.0),
            timeout: self.timeout,
        }
    }
}

// ANCHOR: drop_guard
impl Drop for ProcessPool {
    /// Every way out (an error, Ctrl-C, a panic) kills and reaps every worker
    /// still running: no orphan process is left behind.
    fn drop(&mut self) {
        for worker in &mut self.workers {
            worker.stdin = None;
            if !worker.reaped {
                let _ = worker.child.kill();
                let _ = worker.child.wait();
            }
        }
        for worker in &mut self.workers {
            if let Some(reader) = worker.reader.take() {
                let _ = reader.join();
            }
        }
    }
}
// ANCHOR_END: drop_guard

/// A thread that reads one worker's stdout and reports each line as an event.
fn spawn_reader(
    index: usize,
    stdout: std::process::ChildStdout,
    events: Sender<Event>,
) -> JoinHandle<()> {
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let event = if line == protocol::READY {
                Event::Ready(index)
            } else {
                match protocol::parse_answer(&line) {
                    Ok(Reply::Done(id, fingerprint)) => {
                        Event::Done { worker: index, id, fingerprint }
                    }
                    Ok(Reply::Refused(reason)) => {
                        Event::Refused { worker: index, reason }
                    }
                    Err(_) => Event::Garbled { worker: index, line },
                }
            };
            if events.send(event).is_err() {
                return;
            }
        }
        let _ = events.send(Event::Closed(index));
    })
}

/// Waits for a child until `deadline`, then kills it; returns its exit status
/// (`None` only if even the kill could not be waited for).
fn wait_until(child: &mut Child, deadline: Instant) -> Option<ExitStatus> {
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(1))
            }
            _ => {
                let _ = child.kill();
                return child.wait().ok();
            }
        }
    }
}
