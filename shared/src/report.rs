//! The line that says where a measurement came from.
//!
//! A number without its machine and build is not worth quoting. Every table
//! of results the book renders from the records starts with this line
//! (`book/checks`), and each captured output names its date with
//! [`today_utc`].

use std::time::{SystemTime, UNIX_EPOCH};

use crate::machine;

/// "2 cores, AMD EPYC 7B13, release build, 2026-11-25": the machine, the
/// build and the date (UTC) of a measurement.
pub fn provenance() -> String {
    format!(
        "{} cores, {}, {} build, {}",
        machine::cores(),
        machine::cpu_model(),
        machine::build_profile(),
        today_utc()
    )
}

/// Today's date in UTC as `YYYY-MM-DD`, from the system clock.
pub fn today_utc() -> String {
    let days =
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Converts days since 1970-01-01 to a (year, month, day) in the proleptic
/// Gregorian calendar (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524
        - day_of_era / 146_096)
        / 365;
    let day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Known dates: the epoch, a leap day, and this course's first day.
    #[test]
    fn converts_days_to_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_417), (2025, 11, 25));
    }

    /// The provenance names the cores and the build.
    #[test]
    fn provenance_names_cores_and_build() {
        let line = provenance();
        assert!(line.contains(" cores, "));
        assert!(line.contains(" build, "));
    }
}
