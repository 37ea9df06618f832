//! 4.7's verdict: the quick worker's status came back; the hung worker was
//! given its timeout, then killed and reaped, and `None` returned soon after.

use crate::facts::{Facts, Verdict, fail};

pub(crate) const MEASURES: &str =
    "when your function returned, and whether the hung worker still ran or was left unreaped";

pub(crate) const HINTS: &[&str] = &[
    "After the deadline, the worker is still running: `Child::kill` sends it SIGKILL.",
    "A killed process stays in the process table until its parent waits for it: call `child.wait()` after `kill`.",
    "Return `Ok(None)` only after the timeout, and `Ok(Some(status))` as soon as `try_wait` has one.",
];

/// "status 0" and the like, as a learner reads them.
fn plain(returned: &str) -> String {
    match returned.split_once(' ') {
        Some(("status", "killed")) => "its exit status (killed by a signal)".to_string(),
        Some(("status", code)) => format!("its exit status (code {code})"),
        Some(("error", err)) => format!("an error ({err})"),
        _ if returned == "none" => "None".to_string(),
        _ => returned.to_string(),
    }
}

pub(crate) fn judge(facts: &Facts) -> Verdict {
    let (quick, quick_ms) = (facts.get::<String>("quick_returned")?, facts.get::<u64>("quick_ms")?);
    if quick != "status 0" {
        return Err(fail(
            2,
            format!("for a worker that exits at once, your function returned {} after {quick_ms} ms; wanted its exit status (code 0)", plain(&quick)),
        ));
    }
    if quick_ms >= 2_500 {
        return Err(fail(
            2,
            format!("for a worker that exits at once, your function returned its exit status (code 0) after {quick_ms} ms, with a timeout of 5 s: it could have had it at once"),
        ));
    }
    let quick_words = format!("a worker that exits at once got its exit status after {quick_ms} ms");
    let (hung, took, timeout) =
        (facts.get::<String>("hung_returned")?, facts.get::<u64>("hung_ms")?, facts.get::<u64>("timeout_ms")?);
    if hung == "not yet" {
        return Err(fail(
            0,
            format!("{took} ms after a timeout of {timeout} ms, your function had not returned for a worker that hangs"),
        ));
    }
    let returned = format!("for a worker that hangs, your function returned {} after {took} ms", plain(&hung));
    if hung != "none" {
        return Err(fail(2, format!("{returned}; wanted None after the timeout of {timeout} ms")));
    }
    if took < timeout {
        return Err(fail(2, format!("{returned}, before the timeout of {timeout} ms: killed too early")));
    }
    match facts.get::<String>("worker")?.as_str() {
        "running" => Err(fail(0, format!("{returned}, and a second later the worker was still running: nobody killed it"))),
        "zombie" => Err(fail(1, format!("{returned}; the worker was dead but not reaped (a zombie): wait for it after killing it"))),
        _ => Ok(format!("{quick_words}; a worker that hangs was killed and reaped, and None returned {took} ms after a timeout of {timeout} ms")),
    }
}
