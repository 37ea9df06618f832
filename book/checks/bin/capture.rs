//! `cargo run --release -p course-book --bin capture`
//!
//! Captures the real runs the book shows. For every output block a page
//! includes (`output/<crate>/<name>.txt` or `.stderr.txt`), it reads the
//! command that the snapshot `<crate>/tests/snapshots/<name>.snap` records
//! (program, arguments, environment), runs the release build of that
//! program, and writes what it printed, under the command as a reader types
//! it. Then it writes the page stamp `book/src/output/stamp.md`.
//!
//! The environment is replayed except `COURSE_CORES`: tests pin the core
//! count so that a snapshot reads the same on every machine; a real run
//! names the real machine. Each run is checked against its snapshot (the
//! same check as `tests/outputs.rs`); runs that do not reproduce their
//! snapshot are listed at the end, and the command exits 1.
//!
//! A page that says how long a run takes includes
//! `output/<crate>/<name>.took.md`: for those runs, the capture also writes
//! how long this one took there.
//!
//! Arguments, if any, name the runs to capture again (`<crate>/<name>`, or
//! any part of it): `capture chapter-04-parallelism/hybrid`.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};
use std::{env, fs};

use course_book::output::{self, Captured};
use course_book::{snapshot, text, workspace};
use shared::machine::{self, CORES_OVERRIDE};
use shared::{format, report};

/// A run that takes longer than this is stopped and reported.
const TIME_LIMIT: Duration = Duration::from_secs(180);

/// Writes `output/<crate>/<name>.took.md`, the run's duration, if a page
/// includes it.
fn write_took(one: &output::Shown, took: Duration) {
    let path = one.file(".took.md");
    let name = path.strip_prefix(workspace::book_src()).unwrap_or(&path);
    let pages = workspace::files_with_suffix(&workspace::book_src(), ".md");
    if pages.iter().any(|page| {
        fs::read_to_string(page).is_ok_and(|text| text.contains(&*name.to_string_lossy()))
    }) {
        let shown = if took.as_secs() >= 10 {
            format!("{} s", took.as_secs_f64().round())
        } else {
            format::duration(took)
        };
        workspace::write_or_exit(&path, &shown);
    }
}

fn main() {
    let started = Instant::now();
    if machine::build_profile() != "release" {
        eprintln!(
            "error: run the capture in release (`cargo run --release -p course-book --bin capture`): it runs the release builds beside it"
        );
        std::process::exit(2);
    }
    let shown = output::shown_by_pages();
    let only: Vec<String> = env::args().skip(1).collect();
    let wanted = |one: &output::Shown| {
        only.is_empty() || only.iter().any(|part| one.to_string().contains(part.as_str()))
    };
    let mut problems = Vec::new();
    let mut jobs = Vec::new();
    for one in shown.keys().filter(|one| wanted(one)) {
        let Some(path) = one.snapshot_path() else {
            problems.push(format!("{one}: a page shows it; no snapshot"));
            continue;
        };
        let text = fs::read_to_string(&path).unwrap_or_default();
        match snapshot::recorded(&text) {
            Some(recorded) => jobs.push((one.clone(), text, recorded)),
            None => {
                problems.push(format!("{}: no command in its header", path.display()))
            }
        }
    }

    let build_started = Instant::now();
    if let Err(err) = build_release() {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
    eprintln!("release build checked in {}", format::duration(build_started.elapsed()));
    let bin_dir = env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| workspace::root().join("target").join("release"));

    let mut written = 0;
    for (one, text, recorded) in &jobs {
        let line = recorded.command_line(snapshot::shown_env);
        eprintln!("{line}");
        let run = match run(&bin_dir.join(&recorded.program), recorded) {
            Ok(run) => run,
            Err(err) => {
                problems.push(format!("{one}: {err}"));
                continue;
            }
        };
        eprintln!("  took {}", format::duration(run.took));
        write_took(one, run.took);
        let captured =
            Captured { command: Some(line), stdout: run.stdout, stderr: run.stderr };
        let _ = one.stream_files().map(fs::remove_file);
        for (path, text) in captured.files(one) {
            workspace::write_or_exit(&path, &text);
            written += 1;
        }
        let snap = snapshot::parse_command(text);
        if let Ok(snap) = &snap
            && snap.exit_code != run.exit_code
        {
            let (got, want) = (run.exit_code, snap.exit_code);
            problems.push(format!("{one}: exited {got} where the snapshot says {want}"));
        } else if let Err(err) = output::compare(&one.krate, text, &captured) {
            let pinned = recorded.env.get(CORES_OVERRIDE).map_or(String::new(), |cores| {
                format!(" (the snapshot pins {CORES_OVERRIDE}={cores}; this machine has {})", machine::cores())
            });
            problems.push(format!("{one}{pinned}: {err}"));
        }
    }
    // Only a full capture knows which files are left over.
    let stale =
        only.is_empty().then(|| output::stale_files(&shown.keys().cloned().collect()));
    let stale = stale.unwrap_or_default();
    for path in &stale {
        let _ = fs::remove_file(path);
    }

    let stamp = workspace::output_dir().join("stamp.md");
    workspace::write_or_exit(&stamp, &stamp_text());
    println!(
        "captured {} runs into {written} files (and {}), removed {} stale files, in {}",
        jobs.len(),
        stamp.display(),
        stale.len(),
        format::duration(started.elapsed())
    );
    if !problems.is_empty() {
        println!("{} runs do not reproduce their snapshot as is:", problems.len());
        for problem in &problems {
            println!("  {problem}");
        }
        std::process::exit(1);
    }
}

/// The page stamp: one blockquote, wrapped to fit the content column.
fn stamp_text() -> String {
    let words = format!(
        "**These are real runs**, captured by `bash book/measure.sh` on {} cores ({}), {} build, {}. Your numbers will differ; the verdict words should not.",
        machine::cores(),
        machine::cpu_model(),
        machine::build_profile(),
        report::today_utc()
    );
    text::wrap(&words, 76, "> ", "> ")
}

/// Builds the workspace in release, so that the runs are of today's code.
/// The whole workspace, as `book/measure.sh` builds it: a build of some
/// packages only may unify features differently and rebuild them.
fn build_release() -> Result<(), String> {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command
        .args(["build", "--quiet", "--release", "--workspace"])
        .current_dir(workspace::root());
    let status = command.status().map_err(|err| format!("cannot run cargo: {err}"))?;
    status.success().then_some(()).ok_or_else(|| "the release build failed".to_string())
}

/// What one run printed, how it ended, and how long it took.
struct Run {
    stdout: String,
    stderr: String,
    exit_code: i32,
    took: Duration,
}

/// Runs `program` as `recorded` says (without `COURSE_CORES`), stdin
/// closed, stopped after [`TIME_LIMIT`].
fn run(program: &Path, recorded: &snapshot::Recorded) -> Result<Run, String> {
    let mut command = Command::new(program);
    command
        .args(&recorded.args)
        .env_remove(CORES_OVERRIDE)
        .current_dir(workspace::root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in recorded.env.iter().filter(|(name, _)| *name != CORES_OVERRIDE) {
        command.env(name, value);
    }
    let mut child = command
        .spawn()
        .map_err(|err| format!("cannot run {}: {err}", program.display()))?;
    // Each stream read whole on a thread of its own, so that neither fills up.
    let reader = |mut stream: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut text = Vec::new();
            let _ = stream.read_to_end(&mut text);
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let out_reader = reader(Box::new(child.stdout.take().expect("piped")));
    let err_reader = reader(Box::new(child.stderr.take().expect("piped")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|err| err.to_string())? {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "still running after {}; stopped",
                format::duration(TIME_LIMIT)
            ));
        }
        thread::sleep(Duration::from_millis(20));
    };
    let (stdout, stderr) = (out_reader.join(), err_reader.join());
    let (stdout, stderr) = (stdout.unwrap_or_default(), stderr.unwrap_or_default());
    let exit_code = status.code().unwrap_or(!0);
    Ok(Run { stdout, stderr, exit_code, took: started.elapsed() })
}
