//! The judging side: runs an answer's program (another process), hands it
//! a nonce, reads what its check measured, and says how the run ended. An
//! answer that ends the program early, panics, hangs or prints lines of its
//! own cannot make the check's lines: only lines with the nonce count.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher as _;
use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::facts::{Facts, Failure, Verdict};
use crate::registry::Exercise;

/// After this long waiting for the same thing, the judge says what for.
pub const NOTICE_AFTER: Duration = Duration::from_secs(3);

/// After this long, the judge stops the answer's program. A right answer
/// ends every check within a few seconds.
pub const LIMIT: Duration = Duration::from_secs(15);

/// How the answer's program ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// The check measured everything and said so.
    Done,
    /// Something panicked: the message, and where.
    Panicked(String),
    /// The program ended before the check was done.
    Exited(Option<i32>),
    /// The judge stopped it at [`LIMIT`]; what the check was waiting for.
    Stopped(String),
}

/// One run of an answer's program, as the judge saw it.
#[derive(Debug, Clone)]
pub struct Run {
    /// What the check measured (so far, if the run did not end well).
    pub facts: Facts,
    pub end: End,
    /// Lines the answer printed itself (stdout, then stderr).
    pub printed: Vec<String>,
    /// Lines that looked like the check's but had another nonce.
    pub forged: usize,
}

/// The keys of the check's lines (see `probe.rs`).
const KEYS: [&str; 5] = ["nonce", "fact", "done", "waiting", "panic"];

/// A nonce nobody can guess: two random 64-bit numbers, in hex.
fn nonce() -> String {
    let random = || RandomState::new().hash_one(Instant::now());
    format!("{:016x}{:016x}", random(), random())
}

/// Runs `program` (the answer's), stopping it at [`LIMIT`]; `notice` gets
/// one line when the check has waited [`NOTICE_AFTER`] for the same thing.
pub fn run(mut program: Command, mut notice: impl FnMut(&str)) -> std::io::Result<Run> {
    let nonce = nonce();
    // smol's global executor on one thread, as it starts by default.
    program.env_remove("SMOL_THREADS").env_remove("RUST_BACKTRACE");
    program.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = program.spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = writeln!(stdin, "{nonce}");
    }
    // The lines as they come; the channel closes with the program's stdout.
    let (sender, lines) = mpsc::channel();
    let stdout = child.stdout.take().expect("piped");
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let stderr = child.stderr.take().expect("piped");
    let errors = thread::spawn(move || {
        BufReader::new(stderr).lines().map_while(Result::ok).collect::<Vec<_>>()
    });
    let started = Instant::now();
    let mut run = Run {
        facts: Facts::default(),
        end: End::Exited(None),
        printed: vec![],
        forged: 0,
    };
    let (mut done, mut panicked) = (false, None);
    // What the check waits for, since when, and whether the learner was told.
    let (mut waiting, mut since, mut told) = (String::new(), Instant::now(), false);
    loop {
        match lines.recv_timeout(Duration::from_millis(100)) {
            Ok(line) => match serde_json::from_str::<Value>(&line) {
                Ok(ours) if ours["nonce"].as_str() == Some(&nonce) => {
                    if let Some(what) = ours["waiting"].as_str() {
                        (waiting, since, told) =
                            (what.to_string(), Instant::now(), false);
                    }
                    if let Some(name) = ours["fact"].as_str() {
                        run.facts.0.insert(name.to_string(), ours["value"].clone());
                    }
                    if let Some(message) = ours["panic"].as_str() {
                        panicked.get_or_insert_with(|| message.to_string());
                    }
                    done |= ours["done"] == true;
                }
                // Dressed as the check's, with another nonce or none.
                Ok(value) if KEYS.iter().any(|key| value.get(key).is_some()) => {
                    run.forged += 1;
                }
                _ => run.printed.push(line),
            },
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {}
        }
        if !told && !waiting.is_empty() && since.elapsed() >= NOTICE_AFTER {
            told = true;
            notice(&format!(
                "Still waiting for {waiting} ({} s so far; stopped at {} s).",
                since.elapsed().as_secs(),
                LIMIT.as_secs()
            ));
        }
        if started.elapsed() >= LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            run.end = End::Stopped(waiting);
            return Ok(run);
        }
    }
    let status: ExitStatus = child.wait()?;
    run.printed.extend(errors.join().unwrap_or_default());
    run.end = match (panicked, done) {
        (Some(message), _) => End::Panicked(message),
        (None, true) => End::Done,
        (None, false) => End::Exited(status.code()),
    };
    Ok(run)
}

/// The verdict on a run: how it ended first, then the exercise's judge on
/// what its check measured.
pub fn judge(exercise: &Exercise, run: &Run) -> Verdict {
    let no_hint = |measured: String| Err(Failure { measured, hint: None });
    if run.forged > 0 {
        return no_hint(format!(
            "your answer printed {} line(s) dressed as the check's measurements; \
             only the check's own lines count, and the check grades what it measures",
            run.forged
        ));
    }
    match &run.end {
        End::Done => (exercise.judge)(&run.facts),
        End::Panicked(message) => no_hint(format!("your answer panicked: {message}")),
        End::Exited(Some(code)) => no_hint(format!(
            "your answer ended the program before the check was done (exit code \
             {code}): does it call std::process::exit?"
        )),
        End::Exited(None) => no_hint(
            "the program was killed by a signal before the check was done (an \
             abort, or a stack overflow?)"
                .to_string(),
        ),
        End::Stopped(what) => no_hint(format!(
            "the check stopped your answer after {} s: it was still waiting for \
             {}{}",
            LIMIT.as_secs(),
            if what.is_empty() { "the program to start" } else { what },
            so_far(&run.facts)
        )),
    }
}

/// What was measured before a run was stopped, if anything.
fn so_far(facts: &Facts) -> String {
    let measured: Vec<String> =
        facts.0.iter().map(|(name, value)| format!("{name} {value}")).collect();
    if measured.is_empty() {
        String::new()
    } else {
        format!("; measured so far: {}", measured.join(", "))
    }
}
