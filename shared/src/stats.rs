//! The one statistic the course quotes: the median of several runs.

/// The middle value (the upper of the two middle values for an even count),
/// or `None` for no values. A median shrugs off the one run that a busy
/// machine slowed down, where a mean would not.
pub fn median<T: Ord + Copy>(values: &[T]) -> Option<T> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied()
}

/// [`median`] for measured seconds (`f64`, which is not `Ord`): ordered by
/// [`f64::total_cmp`].
pub fn median_f64(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied()
}

/// The item whose key is the median of the keys (as [`median`] picks it),
/// taken out of `items`; `None` for no items.
pub fn take_median_by_key<T, K: Ord + Copy>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> K,
) -> Option<T> {
    let keys: Vec<K> = items.iter().map(&key).collect();
    let middle = median(&keys)?;
    let at = keys.iter().position(|&k| k == middle)?;
    Some(items.swap_remove(at))
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
        assert_eq!(median_f64(&[0.3, 0.1, 0.2, 0.4]), Some(0.3));
        assert_eq!(median_f64(&[]), None);
    }

    /// The median item is the one whose key is the median.
    #[test]
    fn the_median_item_is_taken_by_its_key() {
        let runs = vec![("a", 30), ("b", 10), ("c", 20), ("d", 40)];
        assert_eq!(take_median_by_key(runs, |run| run.1), Some(("a", 30)));
        assert_eq!(take_median_by_key(Vec::<u8>::new(), |&x| x), None);
    }
}
