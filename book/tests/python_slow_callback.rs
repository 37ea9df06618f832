//! asyncio's own slow-callback warning, as the page "Where should CPU work
//! go?" describes it: `book/python/slow_callback.py` runs a ticker and a
//! chain of CPU steps as two tasks on one loop in debug mode, and asyncio
//! logs `Executing <Task ...> took N.NNN seconds` on stderr for each step.
//! The steps (limit 40 000) take several times the 0.1 s threshold. Without
//! `python3` on the PATH this test says so and checks nothing.

mod common;

use regex::Regex;

/// Each warning names the CPU steps' task, none the ticker's, and the time
/// has three decimals, as `_run_once`'s format `%.3f` prints it.
#[test]
fn asyncio_debug_mode_names_the_slow_task() {
    if !common::has_python("asyncio's warning") {
        return;
    }
    let output = common::python("slow_callback.py", &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let warning = Regex::new(r"^Executing <Task .*> took \d+\.\d{3} seconds$").unwrap();
    let lines: Vec<&str> = stderr.lines().filter(|line| warning.is_match(line)).collect();
    assert!(!lines.is_empty(), "no slow-callback warning: {stderr}");
    assert!(lines.iter().all(|line| line.contains("name='cpu steps'")), "{stderr}");
    assert!(!stderr.contains("name='ticker'"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().filter(|line| line.starts_with("tick ")).count(), 2);
}
