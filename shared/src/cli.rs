//! Command-line helpers shared by every chapter's program.
//!
//! clap does the parsing. What this module adds is the course's convention for
//! bad input: one clear line on stderr and exit code 2, never a panic and never
//! a screenful of usage text.

use std::fmt::Display;
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use clap::Parser;
use clap::error::ErrorKind;

/// Parses the command line, or prints clap's first error line and exits with 2.
/// `--help` and `--version` print in full and exit with 0, as usual.
pub fn parse_or_exit<T: Parser>() -> T {
    match T::try_parse() {
        Ok(args) => args,
        Err(err) => exit_with(err),
    }
}

fn exit_with(err: clap::Error) -> ! {
    if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        err.exit();
    }
    eprintln!("{} (see --help)", first_paragraph(&err.render().to_string()));
    std::process::exit(2);
}

/// clap's message up to its first blank line, on one line: the error itself
/// and, for a bad choice, the list of possible values; not the usage text.
fn first_paragraph(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|line| line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    if lines.is_empty() { "error: bad command line".to_string() } else { lines.join(" ") }
}

/// Parses a positive duration: `2s`, `1.5s`, `250ms`, `500us`, or a bare
/// number of seconds such as `2`. Zero, negative and unit-less garbage are
/// rejected with a message that says what was expected.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split =
        text.find(|c: char| c.is_ascii_alphabetic() || c == 'µ').unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a duration (examples: 2s, 1.5s, 250ms)"))?;
    let seconds_per_unit = match unit.trim() {
        "" | "s" | "sec" => 1.0,
        "ms" => 1e-3,
        "us" | "µs" => 1e-6,
        "m" | "min" => 60.0,
        other => return Err(format!("unknown unit '{other}' (use s, ms, us or min)")),
    };
    let seconds = value * seconds_per_unit;
    if !seconds.is_finite() || seconds <= 0.0 {
        return Err(format!("'{text}' must be a positive duration"));
    }
    Duration::try_from_secs_f64(seconds).map_err(|_| format!("'{text}' is too long"))
}

/// Parses a count between 1 and `max` (inclusive), with a message that says so.
pub fn parse_count(text: &str, max: u64) -> Result<u64, String> {
    let digits = text.trim().trim_start_matches(['-', '+']);
    let value: i128 = match text.trim().parse() {
        Ok(value) => value,
        Err(_) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(format!("{text} is too large: the count must be at most {max}"));
        }
        Err(_) => return Err(format!("'{text}' is not a whole number")),
    };
    if value < 1 {
        return Err(format!("{value} is too small: the count must be at least 1"));
    }
    if value > i128::from(max) {
        return Err(format!("{value} is too large: the count must be at most {max}"));
    }
    Ok(value as u64)
}

/// The most calls of the workload a program accepts.
pub const MAX_CALLS: u64 = 10_000;
/// The largest workload limit a program accepts (one call then takes seconds).
pub const MAX_LIMIT: u64 = 1_000_000;
/// The most threads or processes in one pool.
pub const MAX_WORKERS: u64 = 256;
/// The most repeats of one measurement.
pub const MAX_REPEAT: u64 = 100;
/// The most ticks of a timer.
pub const MAX_TICKS: u64 = 1_000_000_000;

/// `--calls`: how many calls of the workload, 1 to [`MAX_CALLS`].
pub fn parse_calls(text: &str) -> Result<usize, String> {
    parse_count(text, MAX_CALLS).map(|n| n as usize)
}

/// `--limit`: each call multiplies the integers below it, 1 to [`MAX_LIMIT`].
pub fn parse_limit(text: &str) -> Result<u32, String> {
    parse_count(text, MAX_LIMIT).map(|n| n as u32)
}

/// `--workers`: the size of a pool, 1 to [`MAX_WORKERS`].
pub fn parse_workers(text: &str) -> Result<usize, String> {
    parse_count(text, MAX_WORKERS).map(|n| n as usize)
}

/// `--repeat`: runs of one measurement, 1 to [`MAX_REPEAT`].
pub fn parse_repeat(text: &str) -> Result<usize, String> {
    parse_count(text, MAX_REPEAT).map(|n| n as usize)
}

/// `--ticks`: how many ticks before the program stops, 1 to [`MAX_TICKS`].
pub fn parse_ticks(text: &str) -> Result<u64, String> {
    parse_count(text, MAX_TICKS)
}

/// Prints one line on stdout; a closed stdout (`| head`) is not worth a panic.
pub fn say(line: impl Display) {
    let _ = writeln!(io::stdout(), "{line}");
}

/// The one-line error for a file a program was asked to write (`--json`,
/// `--pictures`) and could not.
pub fn cannot_write(path: &Path, err: impl Display) -> String {
    format!("cannot write {}: {err}", path.display())
}

/// Input the parser could not catch: one line on stderr, exit code 2.
pub fn fail(message: impl Display) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every accepted form gives the expected duration.
    #[test]
    fn parses_durations_in_every_unit() {
        assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("500us"), Ok(Duration::from_micros(500)));
        assert_eq!(parse_duration("1min"), Ok(Duration::from_secs(60)));
    }

    /// Zero, negative, garbage and unknown units are errors with a reason.
    #[test]
    fn rejects_bad_durations() {
        assert!(parse_duration("0").unwrap_err().contains("positive"));
        assert!(parse_duration("-1").unwrap_err().contains("positive"));
        assert!(parse_duration("abc").unwrap_err().contains("not a duration"));
        assert!(parse_duration("2 parsecs").unwrap_err().contains("unknown unit"));
        assert!(
            parse_duration("99999999999999999999999s").unwrap_err().contains("too long")
        );
    }

    /// Counts are bounded on both sides, and huge numbers do not overflow.
    #[test]
    fn counts_are_bounded() {
        assert_eq!(parse_count("20", 1000), Ok(20));
        assert!(parse_count("0", 1000).unwrap_err().contains("at least 1"));
        assert!(parse_count("-3", 1000).unwrap_err().contains("at least 1"));
        assert!(parse_count("1001", 1000).unwrap_err().contains("at most 1000"));
        assert!(
            parse_count("99999999999999999999999", 1000).unwrap_err().contains("at most")
        );
        assert!(parse_count(&"9".repeat(60), 1000).unwrap_err().contains("too large"));
        assert!(parse_count("twenty", 1000).unwrap_err().contains("not a whole number"));
    }

    /// The named counts keep their bounds and their types.
    #[test]
    fn named_counts_have_the_course_bounds() {
        assert_eq!(parse_calls("20"), Ok(20usize));
        assert!(parse_calls("10001").unwrap_err().contains("at most 10000"));
        assert_eq!(parse_limit("40000"), Ok(40_000u32));
        assert!(parse_limit("1000001").unwrap_err().contains("at most 1000000"));
        assert_eq!(parse_workers("256"), Ok(256usize));
        assert!(parse_workers("257").is_err());
        assert_eq!(parse_repeat("3"), Ok(3usize));
        assert!(parse_repeat("101").is_err());
        assert_eq!(parse_ticks("3"), Ok(3u64));
    }
}
