//! What compare says as it runs: each measurement in words as it comes,
//! on stdout, or with `--json` the JSON lines on stdout and the words on
//! stderr.

use std::io::{self, Write};

use shared::format::{self, duration_ms};
use shared::record::Record;

use crate::experiment::Experiment;

/// Where the output goes: the commentary on stdout, or, with `--json`, the
/// JSON lines on stdout and the commentary on stderr.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Out {
    /// Whether the JSON lines go to stdout.
    pub(crate) json: bool,
}

impl Out {
    /// One line of commentary.
    pub(crate) fn say(&self, line: impl std::fmt::Display) {
        // A closed stdout (`| head`) is not worth a panic.
        let _ = if self.json {
            writeln!(io::stderr(), "{line}")
        } else {
            writeln!(io::stdout(), "{line}")
        };
    }

    /// One measurement, as it comes.
    pub(crate) fn measurement(&self, language: &str, record: &Record) {
        if self.json {
            let _ = writeln!(io::stdout(), "{}", record.to_json_line());
        }
        self.say(format!("  {language:<6}  {}", line(record)));
    }
}

/// A measurement in words.
fn line(record: &Record) -> String {
    let secs = format::duration_s;
    let mut text = String::new();
    if let Some(workers) =
        record.workers.filter(|_| record.experiment == Experiment::Pool.name())
    {
        text.push_str(&format!("N = {workers:<2}  "));
    }
    let named = [Experiment::Algorithm, Experiment::IoCalls, Experiment::IoScale]
        .map(Experiment::name);
    if let Some(way) =
        record.variant.as_deref().filter(|_| named.contains(&record.experiment))
    {
        text.push_str(&format!("{way:<23}  "));
    }
    text.push_str(&format!(
        "{} wall, {} CPU, {:.2} of {} cores",
        secs(record.wall_s),
        secs(record.cpu_s),
        record.cores_used,
        record.cores
    ));
    if let Some(bits) = record.fingerprint {
        text.push_str(&format!("; a {bits}-bit product"));
    }
    if let (Some(gap), Some(late), Some(step)) =
        (record.max_gap_s, record.worst_lateness_s, record.step_s)
    {
        text.push_str(&format!(
            "; worst gap {}, worst lateness {}, one CPU step {}",
            secs(gap),
            secs(late),
            secs(step)
        ));
    }
    if let (None, Some(late), Some(verdict)) =
        (record.max_gap_s, record.worst_lateness_s, &record.verdict)
    {
        text.push_str(&format!("; {verdict}: worst heartbeat lateness {}", secs(late)));
    }
    if let (Some(step), true) =
        (record.step_s, record.experiment == Experiment::Algorithm.name())
    {
        text.push_str(&format!("; {} per call", secs(step)));
    }
    if let (Some(verdict), true) =
        (&record.verdict, record.experiment == Experiment::IoCalls.name())
    {
        text.push_str(&format!("; {verdict}"));
    }
    if let (Some(startup), Some(n)) = (record.startup_s, record.calls)
        && record.experiment == Experiment::IoScale.name()
    {
        text.push_str(&format!("; {n} connections, {} each to start", secs(startup)));
        if let Some(bytes) = record.memory_each_bytes {
            text.push_str(&format!(", {} each", format::bytes(bytes)));
        }
        text.push_str(&format!("; {}", record.verdict.as_deref().unwrap_or("?")));
    }
    if let Some(figures) = chapter_5(record) {
        text.push_str(&format!("; {figures}"));
    }
    text
}

/// A chapter 5 record's own figures.
fn chapter_5(record: &Record) -> Option<String> {
    let variant = record.variant.as_deref();
    if let (Some(after), Some(started), Some(finished)) =
        (record.cpu_after_deadline_ms, record.steps_started, record.steps_finished)
    {
        return Some(format!(
            "{}: {started} steps started, {finished} finished, {} CPU after the deadline; {}",
            variant.unwrap_or("?"),
            duration_ms(after),
            record.verdict.as_deref().unwrap_or("?")
        ));
    }
    let peak = record.peak_memory_bytes?;
    Some(format!(
        "{}{} items, peak memory {}, {:.0} per second, latency {} median, {} worst",
        variant.map(|v| format!("{v}: ")).unwrap_or_default(),
        record.calls.unwrap_or(0),
        format::bytes(peak as f64),
        record.throughput_per_s.unwrap_or(0.0),
        duration_ms(record.latency_median_ms.unwrap_or(0.0)),
        duration_ms(record.latency_worst_ms.unwrap_or(0.0)),
    ))
}
