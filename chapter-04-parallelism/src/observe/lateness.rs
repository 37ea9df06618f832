//! The hybrid's verdict: a tick or a small request is late when it ran more
//! than half the ticker's period after it was due.

use std::time::Duration;

/// A tick or request later than this share of the period is late.
pub const LATE_SHARE: f64 = 0.5;

/// How late one kind of event (ticks, or requests) ran, and the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lateness {
    /// Events measured.
    pub count: usize,
    /// Events later than `late_after`.
    pub late: usize,
    /// The worst lateness.
    pub worst: Duration,
    /// The threshold: half the ticker's period.
    pub late_after: Duration,
}

// ANCHOR: verdict
impl Lateness {
    /// Judges `waits` (each event's lateness) against half of `period`.
    pub fn of(waits: &[Duration], period: Duration) -> Self {
        let late_after = period.mul_f64(LATE_SHARE);
        Lateness {
            count: waits.len(),
            late: waits.iter().filter(|&&wait| wait > late_after).count(),
            worst: waits.iter().copied().max().unwrap_or_default(),
            late_after,
        }
    }

    /// "on time" when no event was late, else "late".
    pub fn verdict(&self) -> &'static str {
        if self.late == 0 { "on time" } else { "late" }
    }
}
// ANCHOR_END: verdict

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    /// Half a period is the line: at it is on time, past it is late.
    #[test]
    fn late_means_more_than_half_a_period() {
        let on_time = Lateness::of(&[MS, 50 * MS, 2 * MS], 100 * MS);
        assert_eq!(
            (on_time.verdict(), on_time.late, on_time.worst),
            ("on time", 0, 50 * MS)
        );
        let late = Lateness::of(&[MS, 51 * MS, 94 * MS], 100 * MS);
        assert_eq!((late.verdict(), late.late, late.worst), ("late", 2, 94 * MS));
    }
}
