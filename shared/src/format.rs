//! The one way the course prints durations, byte counts, and its tables.
//!
//! Units are chosen so that three significant digits are shown: `850 ns`,
//! `12.5 µs`, `3.21 ms`, `2.004 s`; `300 bytes`, `1.37 KiB`, `38.1 MiB`.
//! Seconds keep three decimals because the article quotes its timings to the
//! millisecond. [`crate::snapshot`] redacts exactly these durations.

use std::time::Duration;

/// Formats a duration for people: `850 ns`, `12.5 µs`, `3.21 ms`, `2.004 s`.
pub fn duration(d: Duration) -> String {
    let nanos = d.as_nanos();
    if nanos < 1_000 {
        format!("{nanos} ns")
    } else if nanos < 1_000_000 {
        format!("{} µs", three_digits(nanos as f64 / 1e3))
    } else if nanos < 1_000_000_000 {
        format!("{} ms", three_digits(nanos as f64 / 1e6))
    } else {
        format!("{:.3} s", d.as_secs_f64())
    }
}

/// [`duration`] of seconds as a record holds them (`wall_s`); below zero
/// reads as zero.
pub fn duration_s(seconds: f64) -> String {
    duration(Duration::from_secs_f64(seconds.max(0.0)))
}

/// [`duration`] of milliseconds as a record holds them (`latency_worst_ms`).
pub fn duration_ms(milliseconds: f64) -> String {
    duration_s(milliseconds / 1000.0)
}

/// Seconds with three decimals, always: for columns and elapsed-time stamps.
pub fn seconds(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// A byte count in binary units, three significant digits: `300 bytes`,
/// `1.37 KiB`, `64.0 KiB`, `38.1 MiB`.
pub fn bytes(count: f64) -> String {
    let (mut value, mut unit) = (count.max(0.0), "bytes");
    for next in ["KiB", "MiB", "GiB"] {
        // Rounded as printed, so that 1023.9 bytes reads 1.00 KiB, not 1024 bytes.
        if value.round() < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = next;
    }
    match unit {
        "bytes" => format!("{value:.0} bytes"),
        _ if value < 9.995 => format!("{value:.2} {unit}"),
        _ if value < 99.95 => format!("{value:.1} {unit}"),
        _ => format!("{value:.0} {unit}"),
    }
}

/// How the cells of a table's columns line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Every column to the left.
    Left,
    /// The first column (its names) to the left, the rest (numbers) to the
    /// right.
    NumbersRight,
}

/// The width each column needs: its widest cell.
pub fn widths<Row: AsRef<[String]>>(rows: &[Row]) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::new();
    for (i, cell) in rows.iter().flat_map(|row| row.as_ref().iter().enumerate()) {
        if widths.len() <= i {
            widths.push(0);
        }
        widths[i] = widths[i].max(cell.chars().count());
    }
    widths
}

/// One line of a table: each cell padded to its column's width, two spaces
/// apart, no indent. A table printed row by row as its runs end gives the
/// widths up front; [`table`] measures them.
pub fn line(cells: &[impl AsRef<str>], widths: &[usize], align: Align) -> String {
    let padded: Vec<String> = (cells.iter().zip(widths).enumerate())
        .map(|(i, (cell, &w))| match align {
            Align::NumbersRight if i > 0 => format!("{:>w$}", cell.as_ref()),
            _ => format!("{:<w$}", cell.as_ref()),
        })
        .collect();
    padded.join("  ").trim_end().to_string()
}

/// Rows of cells as the lines of a table: each column padded to its widest
/// cell, two spaces apart, every line indented by two.
pub fn table<Row: AsRef<[String]>>(rows: &[Row]) -> Vec<String> {
    let widths = widths(rows);
    rows.iter()
        .map(|row| format!("  {}", line(row.as_ref(), &widths, Align::Left)))
        .collect()
}

fn three_digits(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.2}")
    } else if value < 100.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each unit is used in its range, with three significant digits.
    #[test]
    fn picks_the_unit_by_size() {
        assert_eq!(duration(Duration::from_nanos(850)), "850 ns");
        assert_eq!(duration(Duration::from_nanos(12_500)), "12.5 µs");
        assert_eq!(duration(Duration::from_micros(3_210)), "3.21 ms");
        assert_eq!(duration(Duration::from_micros(999_400)), "999 ms");
        assert_eq!(duration(Duration::from_millis(2_004)), "2.004 s");
        assert_eq!(duration(Duration::from_secs(30)), "30.000 s");
        assert_eq!(duration_s(-0.1), "0 ns");
        assert_eq!(duration_ms(156.463), "156 ms");
    }

    /// Byte counts read in binary units with three significant digits,
    /// the unit changing where the rounded value reaches 1024.
    #[test]
    fn formats_byte_counts() {
        assert_eq!(bytes(0.0), "0 bytes");
        assert_eq!(bytes(300.4), "300 bytes");
        assert_eq!(bytes(1023.6), "1.00 KiB");
        assert_eq!(bytes(1406.5664), "1.37 KiB");
        assert_eq!(bytes(4000.0), "3.91 KiB");
        assert_eq!(bytes(9034.5472), "8.82 KiB");
        assert_eq!(bytes(10_235.0), "10.0 KiB");
        assert_eq!(bytes(64.0 * 1024.0), "64.0 KiB");
        assert_eq!(bytes(300.0 * 1024.0), "300 KiB");
        assert_eq!(bytes(2.5 * 1024.0 * 1024.0), "2.50 MiB");
    }

    /// A table's columns line up at their widest cell; rows may be shorter.
    #[test]
    fn table_aligns_columns() {
        let rows = [
            vec!["N".to_string(), "time".to_string(), "start-up".to_string()],
            vec!["20".to_string(), "1.5 s".to_string()],
        ];
        assert_eq!(table(&rows), ["  N   time   start-up", "  20  1.5 s"]);
    }

    /// `seconds` always uses seconds.
    #[test]
    fn seconds_keeps_three_decimals() {
        assert_eq!(seconds(Duration::from_millis(5)), "0.005 s");
        assert_eq!(seconds(Duration::from_millis(6_790)), "6.790 s");
    }
}
