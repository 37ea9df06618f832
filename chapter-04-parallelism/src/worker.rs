//! The worker side of the process pool: this same program, re-run.
//!
//! The pool starts `current_exe()` with [`WORKER_ENV`] set. Such a process
//! does not parse the command line: it answers calls on stdin/stdout until its
//! stdin closes, then exits. Each call says everything it needs (its limit and
//! its algorithm), so a worker computes what it was asked, or refuses. It installs no Ctrl-C handler, so a terminal's
//! Ctrl-C (sent to the whole process group) ends it quietly, as it should.

use std::io::{self, BufRead, Write};

use crate::call::{Call, Fingerprint};
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

/// The worker's life: asks to die with its parent, lowers its priority as
/// the pool asked, then serves calls on stdin until it closes. Returns the
/// exit code.
pub fn serve() -> i32 {
    if !die_with_parent() {
        return 0; // The pool died before we could ask: nothing to serve.
    }
    if let Some(nice) = std::env::var(NICE_ENV).ok().and_then(|n| n.parse().ok()) {
        lower_priority(nice);
    }
    // The tests' knobs (a worker that dies or hangs), around each call.
    let misbehave = Misbehaviour::from_env();
    let mut answered = 0;
    let compute = |call: Call| {
        misbehave.before_call(answered);
        answered += 1;
        call.run()
    };
    serve_calls(io::stdin().lock(), io::stdout().lock(), compute);
    0
}

// ANCHOR: serve
/// Says `ready`, then answers each call line of `input` with one line on
/// `output`, computed by `compute`, until `input` closes. A line that is not
/// a call it can compute is refused, in words.
pub fn serve_calls(
    input: impl BufRead,
    mut output: impl Write,
    mut compute: impl FnMut(Call) -> Fingerprint,
) {
    let mut send =
        |line: &str| output.write_all(line.as_bytes()).and_then(|()| output.flush());
    if send(&format!("{}\n", protocol::READY)).is_err() {
        return; // The pool is gone already: nothing to do.
    }
    for line in input.lines() {
        let Ok(line) = line else { return };
        let reply = match protocol::parse_request(&line) {
            Ok(call) => protocol::answer(call.id, compute(call)),
            Err(reason) => protocol::refusal(&reason),
        };
        if send(&reply).is_err() {
            return; // A closed pipe means the pool has gone: leave quietly.
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A worker computes each call by the algorithm the call names, and
    /// refuses, in words, a call it cannot read; then it goes on serving.
    #[test]
    fn a_worker_computes_what_it_is_asked_or_refuses() {
        let input = "call 0 21 tree\ncall 1 21 fast\ncall 2 21 parallel-tree\n";
        let mut output = Vec::new();
        serve_calls(input.as_bytes(), &mut output, Call::run);
        let output = String::from_utf8(output).unwrap();
        let known = "(known: loop, tree, parallel-tree)";
        let expected = format!(
            "ready\ndone 0 62\nrefused unknown algorithm \"fast\" {known}\ndone 2 62\n"
        );
        assert_eq!(output, expected);
    }
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
