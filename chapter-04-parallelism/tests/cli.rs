//! The chapter's program, run for real: a small sweep on each pool, the
//! hybrid, the pictures, a worker that dies or hangs, bad input and Ctrl-C.
//!
//! Snapshots redact every timing (see `shared::snapshot`) and the measured
//! verdicts that depend on a quiet machine, so they keep what is certain:
//! counts, rounds, the order of results, and the words that follow from them.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use chapter_04_parallelism::pictures;
use insta_cmd::assert_cmd_snapshot;
use nix::errno::Errno;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use shared::draw::inspect;
use shared::record::Record;
use shared::testing::{assert_bad_inputs, assert_help_lists};

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-04-parallelism");

/// The program, told that the machine has 2 cores, so that the snapshots
/// (which name the core count and derive rounds and ideals from it) read the
/// same on a reader's 8-core laptop as on the 2-core machine that made them.
fn program(args: &[&str]) -> Command {
    let mut command = Command::new(PROGRAM);
    command.args(args).env(shared::machine::CORES_OVERRIDE, "2");
    command
}

/// The cores, as this file's tests share them: most tests run side by side
/// (`shared`), but the hybrid's timing test runs `alone`, so that no other
/// test's pool competes with its loop (other programs still may).
static CORES: RwLock<()> = RwLock::new(());

fn shared_cores() -> RwLockReadGuard<'static, ()> {
    CORES.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn alone() -> RwLockWriteGuard<'static, ()> {
    CORES.write().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Applies the course's timing redactions, and this chapter's, to `body`.
fn redacted(body: impl FnOnce()) {
    shared::testing::redacted(chapter_04_parallelism::SNAPSHOT_FILTERS, body);
}

/// A small sweep on the rayon pool: every N does 20/20 calls, and the table
/// and summary follow from the rounds.
#[test]
fn sweep_on_threads() {
    let _cores = shared_cores();
    redacted(|| {
        assert_cmd_snapshot!(
            "sweep_threads",
            program(&[
                "--sweep",
                "--pool",
                "threads",
                "--workers",
                "1,2,4",
                "--limit",
                "4000"
            ])
        )
    });
}

/// The same sweep on worker processes, with their start-up time.
#[test]
fn sweep_on_processes() {
    let _cores = shared_cores();
    redacted(|| {
        assert_cmd_snapshot!(
            "sweep_processes",
            program(&[
                "--sweep",
                "--pool",
                "processes",
                "--workers",
                "1,2,4",
                "--limit",
                "4000"
            ])
        )
    });
}

/// Both pools, one N on the command line as in the article: N = 1 is added,
/// and both pools' results agree.
#[test]
fn both_pools_agree() {
    let _cores = shared_cores();
    redacted(|| {
        assert_cmd_snapshot!("sweep_both", program(&["8", "--sweep", "--limit", "4000"]))
    });
}

/// The hybrid on both pools: the loop's ticker and small requests stay on
/// time while every core computes, and all 20 results come back in order.
/// A tick every 200 ms: late means over 50 ms (a quarter of it), which a
/// loop that only waits is not, even beside `stress-ng --cpu 2`.
#[test]
fn hybrid_stays_on_time() {
    let _cores = alone();
    redacted(|| {
        assert_cmd_snapshot!(
            "hybrid",
            program(&[
                "--hybrid", "--pool", "both", "--limit", "24000", "--tick", "200ms"
            ])
        )
    });
}

/// The same calls on the loop itself: each call is far longer than a
/// quarter of a tick (20 ms, the least the course calls late), so the
/// ticker and the requests are LATE, in any build.
#[test]
fn calls_on_the_loop_make_it_late() {
    let _cores = shared_cores();
    redacted(|| {
        assert_cmd_snapshot!(
            "hybrid_on_loop",
            program(&[
                "--hybrid", "--pool", "loop", "--calls", "4", "--limit", "40000",
                "--tick", "20ms"
            ])
        )
    });
}

/// A worker killed in the middle of a call: a clear error naming the worker,
/// the call and the signal, exit code 1, and no process left behind.
#[test]
fn a_killed_worker_is_a_clear_error() {
    let _cores = shared_cores();
    let mut command =
        program(&["--sweep", "--pool", "processes", "--workers", "1", "--limit", "4000"]);
    command.env("CHAPTER_04_WORKER_DIE_AFTER", "2").process_group(0);
    redacted(|| assert_cmd_snapshot!("killed_worker", command));
}

/// A worker that stops answering is killed after the timeout, and reported.
#[test]
fn a_hung_worker_is_reported_not_waited_for() {
    let _cores = shared_cores();
    let mut command = program(&[
        "--sweep",
        "--pool",
        "processes",
        "--workers",
        "1,2",
        "--limit",
        "4000",
        "--worker-timeout",
        "300ms",
    ]);
    command.env("CHAPTER_04_WORKER_HANG_AFTER", "1").process_group(0);
    let started = Instant::now();
    let output = command.output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "gave no answer within 300 ms while computing call 1; it was killed"
        ),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "waited far longer than the timeout"
    );
}

/// `--pictures` draws the run just measured: the plotted times and speedups
/// equal the records', the ideal is `min(N, cores)`, and the lanes hold one
/// span per call; `--json` writes one record per row: the sweep's, then the
/// hybrid's.
#[test]
fn pictures_and_records_are_written() {
    let _cores = shared_cores();
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("runs.jsonl");
    let output = program(&[
        "--workers",
        "1,2",
        "--limit",
        "3000",
        "--pictures",
        dir.path().to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let read = |name| std::fs::read_to_string(dir.path().join(name)).unwrap();
    let (time, speedup_chart) = (read(pictures::TIME), read(pictures::SPEEDUP));
    let lanes = read(pictures::LANES);

    let text = std::fs::read_to_string(&json).unwrap();
    let records: Vec<Record> =
        text.lines().map(|line| Record::from_json_line(line).unwrap()).collect();
    let keys: Vec<(&str, &str, Option<usize>)> = records
        .iter()
        .map(|r| (r.experiment.as_str(), r.variant.as_deref().unwrap(), r.workers))
        .collect();
    assert_eq!(
        keys,
        [
            ("pool", "threads", Some(1)),
            ("pool", "threads", Some(2)),
            ("pool", "processes", Some(1)),
            ("pool", "processes", Some(2)),
            ("hybrid", "threads", Some(2)),
            ("hybrid", "processes", Some(2)),
            ("hybrid", "on-loop", None),
        ]
    );
    assert!(records[2].startup_s.is_some() && records[0].startup_s.is_none());
    assert!(records.iter().all(|r| r.calls == Some(20) && r.limit == 3000));
    assert!(records[4..].iter().all(|r| r.worst_lateness_s.is_some()));

    let point = |svg: &str, series: &str, n: usize| {
        let points = inspect::of_class(svg, "point").into_iter();
        let mut found = points.filter(|p| p.get("series") == Some(series));
        found.find(|p| p.num("x") == n as f64).expect("a point per row").num("y")
    };
    for record in &records[..4] {
        let (kind, n) = (record.variant.as_deref().unwrap(), record.workers.unwrap());
        assert!((point(&time, kind, n) - record.wall_s).abs() < 1e-3, "{kind} {n}");
        let speedup = record.speedup.unwrap();
        assert!((point(&speedup_chart, kind, n) - speedup).abs() < 0.01);
    }
    assert_eq!(point(&speedup_chart, "ideal min(N, 2)", 1), 1.0);
    assert_eq!(point(&speedup_chart, "ideal min(N, 2)", 2), 2.0);
    let spans = inspect::of_class(&lanes, "span");
    assert_eq!(spans.len(), 20, "one span per call of the threads' N = 2 run");
    let lanes_drawn: BTreeSet<_> = spans.iter().filter_map(|s| s.get("lane")).collect();
    assert!(lanes_drawn.len() <= 2 && !lanes_drawn.is_empty());
    let last_end = spans.iter().map(|s| s.num("end-ms")).fold(0.0, f64::max);
    assert!(last_end / 1000.0 <= records[1].wall_s + 1e-3, "spans within the run");
}

/// Every line the program prints fits 80 columns.
#[test]
fn every_line_fits_80_columns() {
    let _cores = shared_cores();
    let output = program(&["--workers", "1,2,20", "--limit", "2000", "--repeat", "2"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("calls on the loop's own thread"), "{stdout}");
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "{} columns: {line}", line.chars().count());
    }
}

/// Bad input: exit code 2 and exactly one line on stderr that names the problem.
#[test]
fn bad_input_gets_one_clear_line() {
    let cases: &[(&[&str], &str)] = &[
        (&["--workers", "0"], "0 is too small: the count must be at least 1"),
        (&["--workers", "two"], "'two' is not a whole number"),
        (&["--workers", "1,2,x"], "'x' is not a whole number"),
        (&["--workers", "100000"], "the count must be at most 256"),
        (&["0"], "at least 1"),
        (&["4", "--workers", "2"], "cannot be used with"),
        (&["--limit", "-5"], "at least 1"),
        (&["--", "-3"], "at least 1"),
        (&["--calls", "1e9"], "not a whole number"),
        (&["--pool", "fibers"], "possible values: all, both, threads, processes, loop"),
        (&["--worker-timeout", "0"], "must be a positive duration"),
        (&["--hybrid", "--pictures", "x"], "cannot be used with"),
        (&["--hybrid", "--sweep"], "cannot be used with"),
        (&["--hybrid", "--workers", "1,2"], "--hybrid runs one pool size"),
    ];
    assert_bad_inputs(PROGRAM, cases);
}

/// Exit codes: an output path that cannot be written is bad input (2),
/// found before anything runs, like a bad flag.
#[test]
fn unwritable_outputs_are_bad_input() {
    let cases: &[(&[&str], &str)] = &[
        (&["--json", "/proc/nope/runs.jsonl"], "/proc/nope/runs.jsonl"),
        (&["--pictures", "/proc/nope"], "cannot write into /proc/nope"),
        (&["--algorithms", "--pictures", "/proc/nope"], "cannot write into"),
    ];
    assert_bad_inputs(PROGRAM, cases);
}

/// `--pictures DIR` creates a missing DIR (and its parents) and draws into it.
#[test]
fn a_missing_pictures_folder_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("new/pictures");
    let args = ["--algorithms", "--calls", "1", "--limit", "100", "--pictures"];
    let output = program(&args).arg(&folder).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(folder.join(pictures::ALGORITHMS).is_file());
}

/// Exit codes: a run that fails (a worker killed mid-call) exits 1, bad
/// input 2, Ctrl-C 130 (the tests above), a finished run 0.
#[test]
fn exit_codes_say_how_the_run_ended() {
    let _cores = shared_cores();
    let run = |args: &[&str], die_after: Option<&str>| {
        let mut command = program(args);
        if let Some(calls) = die_after {
            command.env("CHAPTER_04_WORKER_DIE_AFTER", calls).process_group(0);
        }
        command.output().unwrap().status.code()
    };
    let small = ["--sweep", "--pool", "processes", "--workers", "1", "--limit", "100"];
    assert_eq!(run(&small, None), Some(0));
    assert_eq!(run(&small, Some("1")), Some(1));
    assert_eq!(run(&["--workers", "0"], None), Some(2));
    assert_eq!(run(&["--json", "/proc/nope/x.jsonl"], None), Some(2));
    assert_eq!(run(&["--pictures", "/proc/nope"], None), Some(2));
}

/// `--help` lists every flag.
#[test]
fn help_lists_every_flag() {
    assert_help_lists(
        program(&["--help"]),
        &[
            "[N]",
            "--workers",
            "--pool",
            "--calls",
            "--limit",
            "--repeat",
            "--sweep",
            "--pictures",
            "--json",
            "--worker-timeout",
            "--hybrid",
            "--tick",
            "<DURATION>",
            "<LIMIT>",
            "<PATH>",
            "<DIR>",
        ],
    );
}

/// Whether any process of the group `leader` led is still there.
fn group_is_alive(leader: Pid) -> bool {
    kill(Pid::from_raw(-leader.as_raw()), None) != Err(Errno::ESRCH)
}

/// Starts the program with `args` in a process group of its own and reads its
/// stdout until the first pool's heading: the sweep has started.
fn start_sweep(args: &[&str]) -> (Child, Pid, BufReader<ChildStdout>) {
    let mut child = program(args)
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let leader = Pid::from_raw(i32::try_from(child.id()).unwrap());
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.ends_with("):\n") {
        line.clear();
        assert_ne!(stdout.read_line(&mut line).unwrap(), 0, "the sweep never started");
    }
    (child, leader, stdout)
}

/// Starts a long sweep in a process group of its own, waits until its pool is
/// at work, sends SIGINT to `target(leader)`, and returns the rest of stdout.
fn interrupt(args: &[&str], target: impl Fn(Pid) -> Pid) -> (String, Pid) {
    let (mut child, leader, mut stdout) = start_sweep(args);
    std::thread::sleep(Duration::from_millis(300)); // the pool is computing now
    kill(target(leader), Signal::SIGINT).unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status}: {rest}");
    (rest, leader)
}

/// Ctrl-C sent to the program alone: it kills and reaps its workers itself,
/// says so, exits 130 and leaves no process behind.
#[test]
fn ctrl_c_to_the_program_leaves_no_worker() {
    let _cores = shared_cores();
    for pool in ["processes", "threads"] {
        let (rest, leader) =
            interrupt(&["--pool", pool, "--workers", "4", "--calls", "200"], |leader| {
                leader
            });
        assert!(rest.contains("stopped by Ctrl-C after 0 of 2 runs"), "{pool}: {rest}");
        assert!(
            !group_is_alive(leader),
            "{pool}: a process of the group is still running"
        );
    }
}

/// Ctrl-C from a terminal reaches the whole process group, workers included:
/// they exit quietly, and the program reports a stop, not a crash.
#[test]
fn ctrl_c_to_the_whole_group_is_a_stop_not_a_crash() {
    let _cores = shared_cores();
    let (rest, leader) = interrupt(
        &["--pool", "processes", "--workers", "4", "--calls", "200"],
        |leader| Pid::from_raw(-leader.as_raw()),
    );
    assert!(rest.contains("stopped by Ctrl-C after 0 of 2 runs"), "{rest}");
    assert!(!group_is_alive(leader), "a process of the group is still running");
}

/// Ctrl-C stops the hybrid too, with its summary.
#[test]
fn ctrl_c_stops_the_hybrid() {
    let _cores = shared_cores();
    let mut child = program(&["--hybrid", "--pool", "processes", "--calls", "200"])
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let leader = Pid::from_raw(i32::try_from(child.id()).unwrap());
    std::thread::sleep(Duration::from_millis(500));
    kill(leader, Signal::SIGINT).unwrap();
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130), "{out}");
    assert!(out.contains("stopped by Ctrl-C before every call came back"), "{out}");
    assert!(!group_is_alive(leader), "a process of the group is still running");
}

/// The pids of the processes whose parent is `parent`, read from `/proc`.
#[cfg(target_os = "linux")]
fn children_of(parent: Pid) -> Vec<Pid> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (name) state ppid ...": the name may hold spaces, so split after ')'.
        let Some((_, rest)) = stat.rsplit_once(") ") else { continue };
        let ppid = rest.split_whitespace().nth(1).and_then(|p| p.parse::<i32>().ok());
        if ppid == Some(parent.as_raw()) {
            children
                .push(Pid::from_raw(stat.split(' ').next().unwrap().parse().unwrap()));
        }
    }
    children
}

/// Whether `pid` is a process that has not ended (a zombie has ended).
#[cfg(target_os = "linux")]
fn is_running(pid: Pid) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| stat.rsplit_once(") ").map(|(_, rest)| !rest.starts_with('Z')))
        .unwrap_or(false)
}

/// The pool SIGKILLed while its workers compute long calls: no `Drop` runs,
/// yet the kernel ends every worker with its parent, within a second,
/// instead of leaving each to compute its call to the end.
#[cfg(target_os = "linux")]
#[test]
fn workers_die_with_a_killed_pool() {
    let _cores = shared_cores();
    let args = ["--sweep", "--pool", "processes", "--workers", "2", "--limit", "1000000"];
    let (mut child, leader, _stdout) = start_sweep(&args);
    let deadline = Instant::now() + Duration::from_secs(20);
    let workers = loop {
        let workers = children_of(leader);
        if !workers.is_empty() {
            break workers;
        }
        assert!(Instant::now() < deadline, "no worker started");
        std::thread::sleep(Duration::from_millis(20));
    };
    std::thread::sleep(Duration::from_millis(300)); // the worker is computing
    kill(leader, Signal::SIGKILL).unwrap();
    child.wait().unwrap();
    let killed = Instant::now();
    while workers.iter().any(|&w| is_running(w)) {
        assert!(
            killed.elapsed() < Duration::from_secs(1),
            "a worker outlived its pool by a second"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
