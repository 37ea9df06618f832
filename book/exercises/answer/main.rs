//! The answer's program: one answer file and its exercise's check, chosen
//! by `build.rs`. The check runs the answer under its measurement and prints
//! what it measured as JSON lines tagged with the judge's nonce; the
//! `exercises` command, another process, reads them and gives the verdict.
//! The answer is a sibling of the check, so it cannot reach the check's
//! private items; `unsafe` is forbidden in the workspace.

include!(concat!(env!("OUT_DIR"), "/program.rs"));

fn main() {
    let probe = course_exercises::probe::start();
    check::measure(&probe);
    probe.done()
}
