//! What compare says as it runs: each measurement in words as it comes,
//! on stdout, or with `--json` the JSON lines on stdout and the words on
//! stderr.

use std::io::{self, Write};

use course_book::text::wrap;
use shared::format::{self, duration_ms, duration_s as secs};
use shared::record::Record;

use crate::experiment::Experiment;

/// Where the output goes: the commentary on stdout, or, with `--json`, the
/// JSON lines on stdout and the commentary on stderr.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Out {
    /// Whether the JSON lines go to stdout.
    pub(crate) json: bool,
}

/// The widest line compare prints: a terminal's 80 columns.
const WIDTH: usize = 80;

/// `text`'s lines, each at most [`WIDTH`] wide: a longer one goes on over
/// the next lines, indented two more than it.
fn fit(text: &str) -> String {
    let mut fitted = String::new();
    for line in text.split('\n') {
        if line.chars().count() <= WIDTH {
            fitted.push_str(line);
            fitted.push('\n');
        } else {
            let indent = &line[..line.len() - line.trim_start().len()];
            let rest = format!("{indent}  ");
            fitted.push_str(&wrap(line.trim_start(), WIDTH, indent, &rest));
        }
    }
    fitted
}

impl Out {
    /// Commentary, fitted to [`WIDTH`].
    pub(crate) fn say(&self, text: impl std::fmt::Display) {
        let fitted = fit(&text.to_string());
        // A closed stdout (`| head`) is not worth a panic.
        let _ = if self.json {
            write!(io::stderr(), "{fitted}")
        } else {
            write!(io::stdout(), "{fitted}")
        };
    }

    /// A warning, on stderr whatever the output, fitted to [`WIDTH`].
    pub(crate) fn warn(&self, text: impl std::fmt::Display) {
        let _ = write!(io::stderr(), "{}", fit(&text.to_string()));
    }

    /// One measurement, as it comes.
    pub(crate) fn measurement(&self, language: &str, record: &Record) {
        if self.json {
            let _ = writeln!(io::stdout(), "{}", record.to_json_line());
        }
        // Wrapped here, not by `say`, to keep the way's column.
        let (way, text) = line(record);
        let first = format!("  {language:<6}  {way}");
        self.say(wrap(&text, WIDTH, &first, &" ".repeat(10)).trim_end());
    }
}

/// A measurement in words: the pool's size or the way it ran, padded to a
/// column, then its times, its product and its experiment's own figures.
fn line(r: &Record) -> (String, String) {
    let experiment = Experiment::named(&r.experiment);
    let way = match (experiment, r.workers, r.variant.as_deref()) {
        (Some(Experiment::Pool), Some(n), _) => format!("N = {n:<2} "),
        (
            Some(Experiment::Algorithm | Experiment::IoCalls | Experiment::IoScale),
            _,
            Some(way),
        ) => {
            format!("{way:<23}  ")
        }
        _ => String::new(),
    };
    let mut text = format!(
        "{} wall, {} CPU, {:.2} of {} cores",
        secs(r.wall_s),
        secs(r.cpu_s),
        r.cores_used,
        r.cores
    );
    if let Some(bits) = r.fingerprint {
        text += &format!("; a {bits}-bit product");
    }
    if let Some(figures) = experiment.and_then(|experiment| figures(experiment, r)) {
        text += &format!("; {figures}");
    }
    (way, text)
}

/// The figures of the experiment's own: the loops' gaps and lateness, one
/// algorithm call, the I/O verdicts and costs, chapter 5's steps after a
/// deadline and flows.
fn figures(experiment: Experiment, r: &Record) -> Option<String> {
    let verdict = r.verdict.as_deref().unwrap_or("?");
    let variant = r.variant.as_deref();
    Some(match experiment {
        Experiment::MixedTasks => format!(
            "worst gap {}, worst lateness {}, one CPU step {}",
            secs(r.max_gap_s?),
            secs(r.worst_lateness_s?),
            secs(r.step_s?)
        ),
        Experiment::Hybrid => {
            format!("{verdict}: worst heartbeat lateness {}", secs(r.worst_lateness_s?))
        }
        Experiment::Algorithm => format!("{} per call", secs(r.step_s?)),
        Experiment::IoCalls => r.verdict.clone()?,
        Experiment::IoScale => {
            let memory = r
                .memory_each_bytes
                .map(|bytes| format!(", {} each", format::bytes(bytes)));
            format!(
                "{} connections, {} each to start{}; {verdict}",
                r.calls?,
                secs(r.startup_s?),
                memory.unwrap_or_default()
            )
        }
        Experiment::CancelTimeout
        | Experiment::CancelBlocking
        | Experiment::CancelToken
        | Experiment::CancelProcess => format!(
            "{}: {} started, {} finished, {} CPU after the deadline; {verdict}",
            variant.unwrap_or("?"),
            // "1 step", "2 steps": a count read aloud takes its noun's number.
            match r.steps_started? {
                1 => "1 step".to_string(),
                n => format!("{n} steps"),
            },
            r.steps_finished?,
            duration_ms(r.cpu_after_deadline_ms?),
        ),
        Experiment::ChannelUnbounded
        | Experiment::ChannelBounded
        | Experiment::Semaphore => {
            format!(
                "{}{} items, peak memory {}, {:.0} per second, latency {} median, {} worst",
                variant.map(|v| format!("{v}: ")).unwrap_or_default(),
                r.calls.unwrap_or(0),
                format::bytes(r.peak_memory_bytes? as f64),
                r.throughput_per_s.unwrap_or(0.0),
                duration_ms(r.latency_median_ms.unwrap_or(0.0)),
                duration_ms(r.latency_worst_ms.unwrap_or(0.0)),
            )
        }
        _ => return None,
    })
}
