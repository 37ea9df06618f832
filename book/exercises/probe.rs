//! The measuring side of a check, in the answer's program: what it
//! measured goes to stdout as JSON lines, each tagged with the nonce the
//! judge wrote on stdin before the answer ran. The answer cannot read the
//! nonce (it was read before the answer ran, and is private here), so a
//! line it prints cannot pass for the check's.
//!
//! Lines: `{"nonce", "fact", "value"}` for one measurement,
//! `{"nonce", "waiting"}` before the check waits for the answer,
//! `{"nonce", "panic"}` when anything panicked, `{"nonce", "done"}` at the end.

use std::io::{BufRead as _, Write as _};
use std::panic::{self, PanicHookInfo};
use std::sync::OnceLock;

use serde_json::{Value, json};

/// The judge's nonce, read once from stdin.
static NONCE: OnceLock<String> = OnceLock::new();

/// The handle a check measures with; only [`start`] makes one, once.
#[derive(Debug)]
pub struct Probe(());

/// Reads the nonce from stdin and replaces the default panic output (a
/// message and maybe a backtrace) with one line for the judge. A second
/// call (an answer calling it) panics.
pub fn start() -> Probe {
    let mut nonce = String::new();
    let _ = std::io::stdin().lock().read_line(&mut nonce);
    let nonce = nonce.trim().to_string();
    assert!(NONCE.set(nonce).is_ok(), "the check was started twice");
    panic::set_hook(Box::new(|info| emit(json!({ "panic": panic_message(info) }))));
    Probe(())
}

impl Probe {
    /// One measurement, by name.
    pub fn fact(&self, name: &str, value: impl Into<Value>) {
        emit(json!({ "fact": name, "value": value.into() }));
    }

    /// What the check waits for now, for the judge to say if it waits long.
    pub fn waiting(&self, what: &str) {
        emit(json!({ "waiting": what }));
    }

    /// The check has measured everything: says so and ends the program.
    pub fn done(self) -> ! {
        emit(json!({ "done": true }));
        std::process::exit(0)
    }
}

/// Writes one tagged line and flushes it, so that a program stopped later
/// still has it out.
fn emit(mut line: Value) {
    let Some(nonce) = NONCE.get() else { return };
    line["nonce"] = json!(nonce);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// The panic's message and, if known, where it was raised.
fn panic_message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string());
    match info.location() {
        Some(at) => format!("{message} (at {}:{})", short(at.file()), at.line()),
        None => message,
    }
}

/// A file as the learner knows it: from the chapter's folder on.
fn short(file: &str) -> &str {
    file.find("chapter-").map_or(file, |start| &file[start..])
}
