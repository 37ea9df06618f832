//! Axis ticks at round values (1, 2 or 5 times a power of ten) and their labels.

use std::time::Duration;

use super::style::{self, SMALL};
use super::svg::{Tag, coord, plain};

/// A step between ticks and the ticks themselves, from 0 up to the first tick
/// at or above the largest value.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// The distance between two ticks.
    pub step: f64,
    /// The tick values, from 0, in increasing order.
    pub values: Vec<f64>,
}

impl Ticks {
    /// The last tick: the axis ends there.
    pub fn end(&self) -> f64 {
        self.values.last().copied().unwrap_or(1.0)
    }
}

/// Round ticks from 0 covering `max`, about `wanted` of them (at least two).
///
/// The step is 1, 2, 2.5 or 5 times a power of ten, the smallest such that at
/// most `wanted` steps cover `max`.
pub fn round_ticks(max: f64, wanted: usize) -> Ticks {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let wanted = wanted.max(1) as f64;
    let rough = max / wanted;
    let power = 10f64.powf(rough.log10().floor());
    let multiple = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|m| m * power * wanted >= max * (1.0 - 1e-9))
        .unwrap_or(10.0);
    let step = multiple * power;
    let count = (max / step - 1e-9).ceil().max(1.0) as usize;
    // Dividing by a whole power of ten keeps 3 × 0.2 at 0.6 (not 0.6000000000000001).
    let at = |i: usize| {
        let units = i as f64 * multiple;
        if power < 1.0 { units / (1.0 / power).round() } else { units * power }
    };
    let values = (0..=count).map(at).collect();
    Ticks { step, values }
}

/// Round ticks for a time axis, in seconds.
pub fn time_ticks(max: Duration, wanted: usize) -> Ticks {
    round_ticks(max.as_secs_f64(), wanted)
}

/// A tick label for `seconds` on the time axis `ticks`: `0`, `250 ms`,
/// `0.5 s`, `1 s`, `1.5 s`. Milliseconds when the axis ends before one
/// second, seconds otherwise, with only the decimals the value needs.
pub fn time_label(seconds: f64, ticks: &Ticks) -> String {
    if seconds.abs() < 1e-12 {
        return "0".to_string();
    }
    if ticks.end() < 1.0 - 1e-9 {
        format!("{} ms", number_label(seconds * 1e3, ticks.step * 1e3))
    } else {
        format!("{} s", number_label(seconds, ticks.step))
    }
}

/// A tick label for a plain number: as many decimals as the step needs.
pub fn number_label(value: f64, step: f64) -> String {
    let mut decimals = 0;
    while decimals < 6 {
        let scaled = step * 10f64.powi(decimals);
        if (scaled - scaled.round()).abs() < 1e-6 {
            break;
        }
        decimals += 1;
    }
    let text = format!("{value:.*}", decimals as usize);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// One tick of a horizontal axis drawn along `axis_y`: a 5-unit mark down
/// at `x`, and `label` centred under it (`data-value` is `value`, for tests).
pub fn x_tick(out: &mut String, x: f64, axis_y: f64, value: f64, label: &str) {
    Tag::new("path")
        .attr("d", format!("M{} {}v5", coord(x), coord(axis_y)))
        .attr("stroke", style::MUTED)
        .close(out);
    Tag::new("text")
        .attr("class", "axis-tick")
        .attr("data-value", plain(value))
        .at("x", x)
        .at("y", axis_y + 5.0 + SMALL + 2.0)
        .attr("font-size", SMALL)
        .attr("text-anchor", "middle")
        .attr("fill", style::TEXT)
        .text(label, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ticks are round, start at 0 and cover the largest value.
    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let t = round_ticks(6.3, 6);
        assert_eq!(t.step, 2.0);
        assert_eq!(t.values, vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        let t = round_ticks(2.3, 6);
        assert_eq!(t.step, 0.5);
        assert_eq!(t.end(), 2.5);
        let t = round_ticks(0.047, 5);
        assert!((t.step - 0.01).abs() < 1e-12);
        assert!((t.end() - 0.05).abs() < 1e-12);
        let t = round_ticks(16.0, 8);
        assert_eq!(t.step, 2.0);
        assert_eq!(t.end(), 16.0);
    }

    /// An empty or broken range still gives a usable axis.
    #[test]
    fn degenerate_ranges_give_one_step() {
        assert_eq!(round_ticks(0.0, 5).values, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(round_ticks(f64::NAN, 1).values, vec![0.0, 1.0]);
    }

    /// Time labels read like the book: 0, 0.5 s, 1 s; or 0, 20 ms, 40 ms.
    #[test]
    fn time_labels_pick_the_unit_and_decimals() {
        let labels = |max: f64, n| {
            let t = round_ticks(max, n);
            t.values.iter().map(|&v| time_label(v, &t)).collect::<Vec<_>>()
        };
        assert_eq!(labels(2.2, 5), ["0", "0.5 s", "1 s", "1.5 s", "2 s", "2.5 s"]);
        assert_eq!(labels(6.0, 3), ["0", "2 s", "4 s", "6 s"]);
        assert_eq!(labels(0.09, 4), ["0", "25 ms", "50 ms", "75 ms", "100 ms"]);
        assert_eq!(
            labels(0.6, 6),
            ["0", "100 ms", "200 ms", "300 ms", "400 ms", "500 ms", "600 ms"]
        );
        assert_eq!(number_label(1.25, 0.25), "1.25");
        assert_eq!(number_label(4.0, 2.0), "4");
    }
}
