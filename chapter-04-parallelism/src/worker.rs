//! The worker side of the process pool: this same program, re-run.
//!
//! The pool starts `current_exe()` with [`WORKER_ENV`] set. Such a process
//! does not parse the command line: it answers calls on stdin/stdout until its
//! stdin closes, then exits. It installs no Ctrl-C handler, so a terminal's
//! Ctrl-C (sent to the whole process group) ends it quietly, as it should.

use std::io::{self, BufRead, Write};

use crate::call::Call;
use crate::protocol;

/// Set in a worker's environment: "you are a worker, serve calls on stdin".
pub const WORKER_ENV: &str = "CHAPTER_04_WORKER";

/// Set by the pool to its own pid, so that a worker can tell whether the
/// parent it was started by is still its parent.
pub const PARENT_ENV: &str = "CHAPTER_04_PARENT";

/// Set by the pool to how much lower a priority its workers run at.
pub const NICE_ENV: &str = "CHAPTER_04_NICE";

/// Test-only: a worker kills itself (SIGKILL) after answering this many calls.
pub const DIE_AFTER_ENV: &str = "CHAPTER_04_WORKER_DIE_AFTER";

/// Test-only: a worker stops answering (sleeps for ever) after this many calls.
pub const HANG_AFTER_ENV: &str = "CHAPTER_04_WORKER_HANG_AFTER";

/// Whether this process was started as a worker.
pub fn is_worker() -> bool {
    std::env::var_os(WORKER_ENV).is_some()
}

/// If this process was started as a worker, serves calls and exits: a
/// worker is this same program, and never looks at the command line.
pub fn exit_if_worker() {
    if is_worker() {
        std::process::exit(serve());
    }
}

// ANCHOR: serve
/// Serves calls from stdin until it closes. Returns the exit code.
pub fn serve() -> i32 {
    if !die_with_parent() {
        return 0; // The pool died before we could ask: nothing to serve.
    }
    if let Some(nice) = std::env::var(NICE_ENV).ok().and_then(|n| n.parse().ok()) {
        lower_priority(nice);
    }
    let misbehave = Misbehaviour::from_env();
    let stdin = io::stdin().lock();
    let mut stdout = io::stdout().lock();
    if writeln!(stdout, "{}", protocol::READY).and_then(|()| stdout.flush()).is_err() {
        return 0; // The pool is gone already: nothing to do.
    }
    for (answered, line) in stdin.lines().enumerate() {
        let Ok(line) = line else { return 0 };
        let call: Call = match protocol::parse_request(&line) {
            Ok(call) => call,
            Err(message) => {
                eprintln!("worker {}: {message}", std::process::id());
                return 2;
            }
        };
        misbehave.before_call(answered);
        let answer = protocol::answer(call.id, call.run());
        // A closed pipe means the pool has gone: leave quietly.
        if stdout.write_all(answer.as_bytes()).and_then(|()| stdout.flush()).is_err() {
            return 0;
        }
    }
    0 // stdin closed: the pool has no more work.
}
// ANCHOR_END: serve

// ANCHOR: die_with_parent
/// Asks the kernel to SIGKILL this worker the moment its parent dies, so that
/// a pool killed with SIGKILL (no `Drop` runs) leaves no worker computing its
/// call to the end. Returns `false` if the parent is already gone: it died
/// before the request was made, and the kernel will never send the signal.
#[cfg(target_os = "linux")]
fn die_with_parent() -> bool {
    use nix::sys::{prctl, signal::Signal};
    let _ = prctl::set_pdeathsig(Signal::SIGKILL);
    let parent = std::env::var(PARENT_ENV).ok().and_then(|p| p.parse::<i32>().ok());
    parent.is_none_or(|pid| nix::unistd::getppid().as_raw() == pid)
}
// ANCHOR_END: die_with_parent

/// Elsewhere a worker notices its parent's death at its next read or write.
#[cfg(not(target_os = "linux"))]
fn die_with_parent() -> bool {
    true
}

/// Runs this thread `nice` steps below normal priority (on Linux, `nice`
/// changes the calling thread only). Raising it needs no privilege; a failure
/// only means the worker runs at normal priority.
pub fn lower_priority(nice: i32) {
    let _ = rustix::process::nice(nice);
}

/// The test knobs, read once from the environment.
#[derive(Debug, Default)]
struct Misbehaviour {
    die_after: Option<usize>,
    hang_after: Option<usize>,
}

impl Misbehaviour {
    fn from_env() -> Self {
        let read = |name| std::env::var(name).ok().and_then(|v| v.parse().ok());
        Misbehaviour { die_after: read(DIE_AFTER_ENV), hang_after: read(HANG_AFTER_ENV) }
    }

    fn before_call(&self, answered: usize) {
        if self.die_after == Some(answered) {
            let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGKILL);
        }
        if self.hang_after == Some(answered) {
            loop {
                std::thread::park();
            }
        }
    }
}
