//! What can go wrong with a pool of processes, in words: Ctrl-C, a worker
//! that cannot start, dies, hangs, or answers nonsense.

use std::fmt;
use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;
use std::time::Duration;

use shared::format;

// ANCHOR: pool_error
/// Why a pool could not finish its calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// Ctrl-C: the workers were stopped on request.
    Stopped,
    /// The operating system could not start a worker.
    Spawn(String),
    /// A worker exited (or was killed) before answering.
    Died { worker: usize, pid: u32, call: Option<usize>, how: String },
    /// A worker did not answer within the timeout, and was killed.
    Hung { worker: usize, pid: u32, call: Option<usize>, timeout: Duration },
    /// A worker printed something that is not an answer.
    Garbled { worker: usize, pid: u32, line: String },
    /// A worker refused a call it could not compute, and said why.
    Refused { worker: usize, pid: u32, reason: String },
}
// ANCHOR_END: pool_error

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let doing = |call: &Option<usize>| match call {
            Some(id) => format!("while computing call {id}"),
            None => "before it was ready".to_string(),
        };
        match self {
            PoolError::Stopped => write!(f, "stopped by Ctrl-C"),
            PoolError::Spawn(why) => write!(f, "could not start a worker process: {why}"),
            PoolError::Died { worker, pid, call, how } => {
                write!(f, "worker {worker} (pid {pid}) {how} {}", doing(call))
            }
            PoolError::Hung { worker, pid, call, timeout } => {
                let within = format::duration(*timeout);
                let what = format!("gave no answer within {within} {}", doing(call));
                write!(f, "worker {worker} (pid {pid}) {what}; it was killed")
            }
            PoolError::Garbled { worker, pid, line } => {
                let what = format!("sent {line:?}, which is not an answer");
                write!(f, "worker {worker} (pid {pid}) {what}")
            }
            PoolError::Refused { worker, pid, reason } => {
                write!(f, "worker {worker} (pid {pid}) refused a call: {reason}")
            }
        }
    }
}

impl std::error::Error for PoolError {}

/// "exited with code 3", "was killed by SIGKILL".
pub fn describe_exit(status: ExitStatus) -> String {
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with code {code}"),
        (None, Some(signal)) => match nix::sys::signal::Signal::try_from(signal) {
            Ok(signal) => format!("was killed by {}", signal.as_str()),
            Err(_) => format!("was killed by signal {signal}"),
        },
        (None, None) => "ended".to_string(),
    }
}
