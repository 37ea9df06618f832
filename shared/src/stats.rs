//! The one statistic the course quotes: the median of several runs.

/// The middle value (the upper of the two middle values for an even count),
/// or `None` for no values. A median shrugs off the one run that a busy
/// machine slowed down, where a mean would not.
pub fn median<T: Ord + Copy>(values: &[T]) -> Option<T> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// Odd counts give the middle, even counts the upper middle, none gives None.
    #[test]
    fn median_picks_the_middle() {
        let ms = Duration::from_millis;
        assert_eq!(median(&[ms(30), ms(10), ms(20)]), Some(ms(20)));
        assert_eq!(median(&[4, 1, 3, 2]), Some(3));
        assert_eq!(median::<u8>(&[]), None);
    }
}
