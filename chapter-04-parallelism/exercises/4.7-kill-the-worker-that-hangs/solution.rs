//! Exercise 4.7, "Kill the worker that hangs": the reference solution.

use std::io;
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

// ANCHOR: solution
/// The worker's exit status, or `None` if it hung and was killed and reaped.
pub fn wait_or_kill(
    child: &mut Child,
    timeout: Duration,
) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill()?; // SIGKILL: a hung worker cannot refuse it
    child.wait()?; // reaps it: no zombie left in the process table
    Ok(None)
}
// ANCHOR_END: solution
