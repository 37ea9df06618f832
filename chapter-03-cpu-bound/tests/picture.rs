//! The `--pictures` timeline, read back with `shared::draw::inspect`: it is
//! drawn from the run the program measured (busy time, ticker), and its
//! structure (groups, lanes, rows) depends only on the command line.

use std::process::Command;

use shared::draw::inspect::{self, Element, of_class};
use shared::record::Record;

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-03-cpu-bound");

/// Runs every place with `args`; returns the picture and the `--json` records.
fn draw(args: &[&str]) -> (String, Vec<Record>) {
    let dir = tempfile::tempdir().unwrap();
    let pictures = dir.path().join("new/pictures");
    let (svg, json) =
        (pictures.join(chapter_03_cpu_bound::PICTURE), dir.path().join("run.jsonl"));
    let output = Command::new(PROGRAM)
        .args(args)
        .arg("--pictures")
        .arg(&pictures)
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let records = std::fs::read_to_string(&json).unwrap();
    let records = records.lines().map(|l| Record::from_json_line(l).unwrap()).collect();
    (std::fs::read_to_string(&svg).unwrap(), records)
}

/// The place's group in the picture: its heading starts with the place's name.
fn in_mode(element: &Element, mode: &str) -> bool {
    element.get("group").is_some_and(|g| g.starts_with(&format!("{mode}:")))
}

/// Each mode's bars add up to the CPU time the program measured for it
/// (within 10 %: the bars are what the threads saw of their own computing,
/// the CPU time is the kernel's count), and the ticker's latest tick in
/// the picture is the worst lateness it recorded.
#[test]
fn the_bars_add_up_to_the_measured_cpu_time() {
    let (svg, records) = draw(&["--calls", "4", "--limit", "30000"]);
    assert_eq!(records.len(), 4);
    for record in &records {
        let mode = record.variant.as_deref().unwrap().trim_end_matches("-model");
        let busy =
            inspect::busy_ms(&svg, |group, _| group.starts_with(&format!("{mode}:")));
        let cpu = record.cpu_s * 1e3;
        assert!(
            (busy - cpu).abs() <= cpu * 0.1,
            "{mode}: bars {busy:.1} ms, CPU {cpu:.1} ms"
        );
        let ticks = of_class(&svg, "tick").into_iter().filter(|t| in_mode(t, mode));
        let latest = ticks.map(|t| t.num("lateness-ms")).fold(0.0, f64::max);
        let worst = record.worst_lateness_s.unwrap_or(0.0) * 1e3;
        assert!((latest - worst).abs() < 0.01, "{mode}: {latest} ms drawn, {worst} ms");
    }
}

/// A group per place; a lane per thread (one per call for `threads` and
/// `gil`), per worker plus the ticker for `tasks`; every call's thread
/// computed; a table row per lane, one per compact group.
#[test]
fn a_lane_per_thread_and_a_group_per_mode() {
    let (svg, _) = draw(&["--calls", "3", "--limit", "5000"]);
    let workers = shared::machine::cores();
    let groups: Vec<(String, f64)> = of_class(&svg, "group")
        .iter()
        .map(|g| (g.get("group").unwrap().to_string(), g.num("lanes")))
        .collect();
    let names: Vec<&str> = groups.iter().map(|(g, _)| g.as_str()).collect();
    assert_eq!(
        names,
        [
            "loop: 3 calls on one thread".to_string(),
            "threads: 3 threads".to_string(),
            "gil: 3 threads, one lock".to_string(),
            format!("tasks: 3 tasks on {workers} workers"),
        ]
    );
    let lanes: Vec<f64> = groups.iter().map(|(_, n)| *n).collect();
    assert_eq!(lanes, [1.0, 3.0, 3.0, workers as f64 + 1.0]);
    let lanes = of_class(&svg, "lane");
    for mode in ["loop", "threads", "gil"] {
        let busy: Vec<f64> = (lanes.iter().filter(|l| in_mode(l, mode)))
            .map(|l| l.num("busy-ms"))
            .collect();
        assert!(busy.iter().all(|&ms| ms > 0.0), "{mode}: an idle call {busy:?}");
    }
    let tasks: Vec<&str> = (lanes.iter().filter(|l| in_mode(l, "tasks")))
        .map(|l| l.get("lane").unwrap())
        .collect();
    assert_eq!(tasks.last(), Some(&"ticker"));
    assert_eq!(of_class(&svg, "row").len(), 3 + workers + 1);
    // The caption counts as the report does: one holder of the lock at most.
    assert!(svg.contains(">Most calls at once, as the report counts them: loop 1, "));
    assert!(svg.contains(", gil 1, tasks "), "the GIL's lanes never overlap");
}
