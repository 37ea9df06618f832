//! Exercise 4.7, "Kill the worker that hangs": the file you edit.
//!
//! Wait for a worker process for at most `timeout`. If it exits in time,
//! return its exit status; if not, it hangs: kill it, reap it (wait for it,
//! so that no zombie is left), and return `None`. As written, the function
//! gives up in time but leaves the worker running. The check starts a
//! worker that exits at once and one that hangs (`sleep 30`), and measures
//! when your function returned and whether the hung worker was still
//! running, or left unreaped, afterwards.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 4.7`

use std::io;
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

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
    Ok(None)
}
