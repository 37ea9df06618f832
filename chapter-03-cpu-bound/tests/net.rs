//! The I/O experiment on real sockets, run for real: the snapshot of a small
//! run, its `--json` records, and the faults: a port that cannot be bound, a
//! reset from the peer, a file-descriptor limit too low, Ctrl-C in the middle
//! of the scale-up.
//! Every test also checks that no service process is left behind.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use insta_cmd::assert_cmd_snapshot;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use shared::record::Record;

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-03-cpu-bound");

/// A small run: 4 clients, a 200 ms wait (every request outlasts the time
/// to start the next client, even on a loaded machine, so the waits
/// overlap), 100 connections in the scale-up, 4 files.
const SMALL: &[&str] =
    &["--workload", "io", "--calls", "4", "--wait", "200ms", "--scale", "100"];

/// A command tagged with a marker its service child inherits, so that the
/// test can look for leftovers.
fn tagged(args: &[&str], marker: &str) -> Command {
    let mut command = Command::new(PROGRAM);
    command.args(args).env("COURSE_TEST_MARKER", marker);
    command
}

/// Processes (other than zombies already gone) whose environment holds `marker`.
fn processes_with(marker: &str) -> usize {
    let needle = format!("COURSE_TEST_MARKER={marker}");
    std::fs::read_dir("/proc")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|entry| std::fs::read(entry.path().join("environ")).ok())
                .filter(|env| env.split(|&b| b == 0).any(|var| var == needle.as_bytes()))
                .count()
        })
        .unwrap_or(0)
}

fn run(command: &mut Command) -> (Option<i32>, String, String) {
    let output = command.output().expect("the program runs");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.code(), text(&output.stdout), text(&output.stderr))
}

/// Four places, all concurrent, every request answered with its own bytes,
/// the scale-up with no failure, every file intact, tokio::fs on threads.
/// The command is the book's, as a reader would type it: no test marker
/// (`json_records_every_io_row` checks that the same run leaves no service
/// behind).
#[test]
fn small_run() {
    shared::testing::redacted(chapter_03_cpu_bound::SNAPSHOT_FILTERS, || {
        let mut command = Command::new(PROGRAM);
        command.args(SMALL);
        assert_cmd_snapshot!("net", command);
    });
}

/// A port already taken: one line, exit 2, no service left.
#[test]
fn port_in_use() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = taken.local_addr().expect("its address").port().to_string();
    let command = tagged(&["--workload", "io", "--port", &port], "port");
    shared::testing::assert_one_line_error(
        command,
        &format!("the service cannot listen on 127.0.0.1:{port}"),
    );
    assert_eq!(processes_with("port"), 0);
}

/// A reset from the peer: in each of the four modes, client 2 is named in
/// one FAILED line (the others were answered); the run exits 1 with one
/// error line.
#[test]
fn reset_by_peer() {
    let args = ["loop", "--workload", "io", "--calls", "3", "--wait", "50ms"];
    let mut command = tagged(&args, "reset");
    command.env("COURSE_SLOW_SERVICE_RESET", "2");
    let (code, stdout, stderr) = run(&mut command);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    let failed: Vec<_> = stdout.lines().filter(|l| l.starts_with("FAILED")).collect();
    let reset = ": 1 of 3; client 2: connection reset by peer";
    let modes = ["loop", "threads", "gil", "tasks"];
    assert_eq!(failed, modes.map(|mode| format!("FAILED {mode}{reset}")), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let errors: Vec<_> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors, ["error: 4 request(s) failed (see FAILED above)"]);
    assert_eq!(processes_with("reset"), 0);
}

/// The words after `fact` on the first line that starts with it, indent
/// aside: a row of the scale-up's table.
fn row<'a>(stdout: &'a str, fact: &str) -> Vec<&'a str> {
    let mut rows = stdout.lines().filter_map(|line| line.trim_start().strip_prefix(fact));
    rows.next().map_or_else(Vec::new, |cells| cells.split_whitespace().collect())
}

/// A hard limit of 200 open files: the scale-up says how many fit and runs
/// those, as tasks and as threads, with no failure.
#[test]
fn fd_limit_too_low() {
    let script = format!(
        "ulimit -n 200 && exec {PROGRAM} --workload io --calls 2 --wait 20ms --scale 1000"
    );
    let mut command = Command::new("bash");
    command.args(["-c", &script]).env("COURSE_TEST_MARKER", "fds");
    let (code, stdout, stderr) = run(&mut command);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("note: 200 open files allowed (hard limit): 136 connections fit")
    );
    assert!(stdout.contains("  each thread gets a 64.0 KiB stack\n"), "{stdout}");
    let head = ["tasks", "threads"];
    assert!(stdout.lines().any(|l| l.split_whitespace().eq(head)), "{stdout}");
    assert_eq!(row(&stdout, "connected"), ["136", "136"], "{stdout}");
    assert_eq!(row(&stdout, "answered"), ["136", "136"], "{stdout}");
    assert_eq!(row(&stdout, "failed"), ["0", "0"], "{stdout}");
    assert_eq!(processes_with("fds"), 0);
}

/// Ctrl-C during the scale-up, as a terminal sends it (SIGINT to the whole
/// foreground process group): the run stops, exits 130, reports no failure
/// (clients cut short did not fail), runs nothing after, and leaves no
/// service process behind.
#[test]
fn ctrl_c_in_the_scale_up() {
    use std::os::unix::process::CommandExt as _;
    let mut child = tagged(
        &["--workload", "io", "--calls", "2", "--wait", "3s", "--scale", "2000"],
        "ctrl-c",
    )
    .process_group(0)
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("the program starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    // The scale-up's first line comes once the four modes and the files are done.
    let mut before = Vec::new();
    for line in lines.by_ref() {
        let line = line.expect("a line");
        let started = line.starts_with("Scale-up:");
        before.push(line);
        if started || Instant::now() > deadline {
            break;
        }
    }
    assert!(before.iter().any(|l| l.starts_with("Files:")), "{before:?}");
    std::thread::sleep(Duration::from_millis(300));
    let group = Pid::from_raw(-(child.id() as i32));
    kill(group, Signal::SIGINT).expect("SIGINT sent");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr read");
    let status = child.wait().expect("the program ends");
    assert_eq!(status.code(), Some(130), "{rest:?} {stderr}");
    assert!(rest.iter().any(|l| l.starts_with("stopped by Ctrl-C")), "{rest:?}");
    assert!(!rest.iter().any(|l| l.contains("FAILED")), "{rest:?}");
    assert!(!stderr.contains("FAILED") && !stderr.contains("error:"), "{stderr}");
    assert_eq!(processes_with("ctrl-c"), 0);
}

/// `--json` writes every I/O row as a record, in order: the four places
/// (`io_calls`, each concurrent), the scale-up's two kinds (none failed),
/// the three ways to read files.
#[test]
fn json_records_every_io_row() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("io.jsonl");
    let path_arg = path.to_str().expect("a UTF-8 path");
    let args = ["--workload", "io", "--calls", "3", "--wait", "200ms", "--scale", "20"];
    let mut command = tagged(&args, "json");
    command.args(["--json", path_arg]);
    let (code, stdout, stderr) = run(&mut command);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let text = std::fs::read_to_string(&path).expect("the records");
    let records: Vec<Record> = text
        .lines()
        .map(|line| Record::from_json_line(line).expect("a record"))
        .collect();
    let rows: Vec<_> = (records.iter())
        .map(|r| (r.experiment.as_str(), r.variant.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        rows,
        [
            ("io_calls", "loop"),
            ("io_calls", "threads"),
            ("io_calls", "gil-model"),
            ("io_calls", "tasks"),
            ("io_scale", "tasks"),
            ("io_scale", "threads"),
            ("io_files", "sequential"),
            ("io_files", "threads"),
            ("io_files", "tokio-fs"),
        ]
    );
    let verdicts: Vec<_> = records.iter().filter_map(|r| r.verdict.as_deref()).collect();
    assert_eq!(
        verdicts,
        ["concurrent", "concurrent", "concurrent", "concurrent"]
            .into_iter()
            .chain(["0 failed", "0 failed"])
            .collect::<Vec<_>>()
    );
    assert_eq!(processes_with("json"), 0);
}
