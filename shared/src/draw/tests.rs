//! Tests of the pictures through what they draw, read back with `inspect`.

use std::time::Duration;

use super::inspect::{self, busy_ms, of_class};
use super::*;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A chapter-2-like picture: a loop lane with steps and ticks, a pool lane.
fn two_runs() -> Timeline {
    let mut blocked = Lane::new("loop thread");
    blocked.spans.push(Span::new(ms(0), ms(300), "step 1"));
    blocked.spans.push(Span::new(ms(300), ms(600), "step 2"));
    blocked.ticks.push(Tick {
        due: ms(100),
        ran: ms(300),
        label: "tick 1".into(),
        late: true,
    });
    blocked.ticks.push(Tick {
        due: ms(200),
        ran: ms(300),
        label: "tick 2".into(),
        late: true,
    });
    let mut on_loop = Lane::new("loop thread");
    on_loop.ticks.push(Tick {
        due: ms(100),
        ran: ms(101),
        label: "tick 1".into(),
        late: false,
    });
    let mut pool = Lane::new("pool thread");
    pool.spans.push(Span::new(ms(0), ms(300), "step 1").kind(Kind::Offloaded));
    Timeline::new("Ticks & steps <demo>")
        .group(Group::new("blocked", vec![blocked]))
        .group(Group::new("offloaded", vec![on_loop, pool]))
}

/// Every span, tick and lane is drawn once, with its numbers.
#[test]
fn draws_each_element_once_with_its_numbers() {
    let svg = two_runs().render();
    assert_eq!(of_class(&svg, "lane").len(), 3);
    assert_eq!(of_class(&svg, "span").len(), 3);
    assert_eq!(of_class(&svg, "tick").len(), 3);
    assert_eq!(of_class(&svg, "group").len(), 2);
    let spans = of_class(&svg, "span");
    assert_eq!(spans[1].get("lane"), Some("loop thread"));
    assert_eq!(spans[1].num("start-ms"), 300.0);
    assert_eq!(spans[1].num("end-ms"), 600.0);
    assert_eq!(spans[2].get("kind"), Some("offloaded"));
    assert_eq!(spans[2].get("group"), Some("offloaded"));
    let title = spans[0].title.as_deref().unwrap();
    assert!(title.contains("step 1") && title.contains("300 ms"), "{title}");
}

/// A tick's lateness is its run time minus its due time, and says LATE.
#[test]
fn ticks_carry_their_lateness() {
    let svg = two_runs().render();
    let ticks = of_class(&svg, "tick");
    let lateness: Vec<f64> = ticks.iter().map(|t| t.num("lateness-ms")).collect();
    assert_eq!(lateness, [200.0, 100.0, 1.0]);
    assert_eq!(ticks[0].get("late"), Some("true"));
    assert_eq!(ticks[2].get("late"), Some("false"));
    assert!(ticks[0].title.as_deref().unwrap().contains("LATE by 200 ms"));
    assert!(svg.contains(">+200 ms</text>"), "the lateness is written, not only hovered");
}

/// Busy time read back equals the spans' total, per lane or group.
#[test]
fn busy_time_round_trips() {
    let svg = two_runs().render();
    assert_eq!(busy_ms(&svg, |_, _| true), 900.0);
    assert_eq!(busy_ms(&svg, |group, _| group == "blocked"), 600.0);
    assert_eq!(busy_ms(&svg, |_, lane| lane == "pool thread"), 300.0);
    let lanes = of_class(&svg, "lane");
    assert_eq!(lanes[0].num("busy-ms"), 600.0);
    assert_eq!(lanes[1].num("busy-ms"), 0.0);
    assert!(svg.contains(">idle</text>"), "a lane with nothing to do says so");
}

/// Labels with markup characters are escaped and read back unchanged.
#[test]
fn labels_are_escaped() {
    let mut lane = Lane::new("a<b & c");
    lane.spans.push(Span::new(ms(0), ms(500), "x<y").hover("1 & 2"));
    let svg = Timeline::new("t").group(Group::new("g&h", vec![lane])).render();
    assert!(!svg.contains("a<b") && !svg.contains("x<y"));
    assert!(svg.contains("a&lt;b &amp; c"));
    let span = &of_class(&svg, "span")[0];
    assert_eq!(span.get("lane"), Some("a<b & c"));
    assert_eq!(span.get("group"), Some("g&h"));
    assert!(span.title.as_deref().unwrap().ends_with("\n1 & 2"));
    assert!(
        two_runs().render().contains("<title>Ticks &amp; steps &lt;demo&gt;</title>")
    );
}

/// Many spans under a pixel become one path per lane, keeping count and total.
#[test]
fn thin_spans_are_merged_keeping_the_total() {
    let mut lanes = Vec::new();
    for thread in 0..20u64 {
        let mut lane = Lane::new(format!("thread {}", thread + 1));
        // 5 ms turns, handed round 20 threads, for 6 s: 60 turns each.
        for turn in 0..60u64 {
            let start = ms((turn * 20 + thread) * 5);
            lane.spans.push(Span::new(start, start + ms(5), "turn").kind(Kind::Held));
        }
        lanes.push(lane);
    }
    let svg = Timeline::new("GIL").group(Group::compact("GIL model", lanes)).render();
    assert!(of_class(&svg, "span").is_empty());
    let paths = of_class(&svg, "thin-spans");
    assert_eq!(paths.len(), 20);
    assert!(paths.iter().all(|p| p.num("count") == 60.0 && p.num("total-ms") == 300.0));
    assert_eq!(busy_ms(&svg, |_, _| true), 6000.0);
    assert!(svg.len() < 60_000, "1200 turns take {} bytes", svg.len());
}

/// Touching slivers merge into one shape; the total still counts each one.
#[test]
fn touching_slivers_become_one_shape() {
    let mut lane = Lane::new("one");
    for i in 0..100u64 {
        lane.spans.push(Span::new(ms(i), ms(i + 1), "t"));
    }
    lane.spans.push(Span::new(ms(0), ms(10_000), "long").kind(Kind::Waiting));
    let svg = Timeline::new("t").group(Group::new("g", vec![lane])).render();
    let path = &of_class(&svg, "thin-spans")[0];
    assert_eq!(path.num("count"), 100.0);
    assert_eq!(path.num("total-ms"), 100.0);
    let shapes =
        svg.lines().find(|l| l.contains("thin-spans")).unwrap().matches('M').count();
    assert_eq!(shapes, 1);
    assert_eq!(busy_ms(&svg, |_, _| true), 100.0, "waiting is not busy");
}

/// The time axis has round ticks covering the run, labelled with units.
#[test]
fn time_axis_ticks_are_round() {
    let svg = two_runs().render();
    let ticks: Vec<f64> =
        of_class(&svg, "axis-tick").iter().map(|t| t.num("value")).collect();
    assert_eq!(ticks, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    assert!(svg.contains(">100 ms</text>") && svg.contains(">600 ms</text>"));
}

/// The same data gives the same text.
#[test]
fn drawing_is_deterministic() {
    assert_eq!(two_runs().render(), two_runs().render());
}

/// No text is smaller than 13 units.
#[test]
fn text_is_never_small() {
    let svg = two_runs().render() + &chart().render();
    for size in svg.split("font-size=\"").skip(1) {
        let size: f64 = size[..size.find('"').unwrap()].parse().unwrap();
        assert!(size >= 13.0, "font-size {size}");
    }
}

fn chart() -> XyChart {
    let ns = [1.0, 2.0, 4.0, 8.0];
    XyChart::new("Speedup", Axis::new("workers N", "", 0), Axis::new("speedup", "×", 2))
        .x_scale(XScale::Log2)
        .series(Series::new("threads", ns.iter().map(|&n| (n, 1.0 + n * 0.01)).collect()))
        .series(Series::new(
            "processes",
            vec![(1.0, 1.0), (2.0, 1.9), (4.0, 1.95), (8.0, 1.9)],
        ))
        .series(Series::reference(
            "ideal min(N, 2)",
            ns.iter().map(|&n| (n, n.min(2.0))).collect(),
        ))
}

/// Each point is drawn with its x and y, and repeated in the table.
#[test]
fn chart_points_round_trip() {
    let svg = chart().render();
    let points = of_class(&svg, "point");
    assert_eq!(points.len(), 12);
    let processes: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.get("series") == Some("processes"))
        .map(|p| (p.num("x"), p.num("y")))
        .collect();
    assert_eq!(processes, [(1.0, 1.0), (2.0, 1.9), (4.0, 1.95), (8.0, 1.9)]);
    let title = |p: &inspect::Element| p.title.clone().unwrap_or_default();
    assert!(
        points.iter().any(|p| title(p) == "processes: workers N = 2, speedup = 1.90×")
    );
    assert_eq!(
        points[0].get("series"),
        Some("ideal min(N, 2)"),
        "the ideal is drawn first"
    );
    let values = of_class(&svg, "value");
    assert_eq!(values.len(), 12);
    assert_eq!(of_class(&svg, "line").len(), 3);
    assert!(svg.contains(">1.95×</text>"), "values are in the table");
    let x_ticks: Vec<f64> = of_class(&svg, "axis-tick")
        .iter()
        .filter_map(|t| t.get("value").map(|v| v.parse::<f64>().unwrap()))
        .collect();
    assert!(x_ticks.ends_with(&[1.0, 2.0, 4.0, 8.0]), "{x_ticks:?}");
}

/// `inspect` finds nothing in a picture with no data, and never panics.
#[test]
fn empty_pictures_are_valid() {
    let svg = Timeline::new("nothing").render();
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
    assert!(
        inspect::elements(&svg)
            .iter()
            .all(|e| e.class.starts_with("axis") || e.class == "draw")
    );
    let svg = XyChart::new("none", Axis::default(), Axis::default()).render();
    assert!(of_class(&svg, "point").is_empty());
}

/// No blank line anywhere, so Markdown can include the SVG inline in one piece.
#[test]
fn output_has_no_blank_lines() {
    let mut lane = Lane::new("lane\n\nname");
    lane.spans.push(Span::new(ms(0), ms(500), "a\n\nb").hover("x\n\ny"));
    lane.ticks.push(Tick { due: ms(5), ran: ms(6), label: "m\n\n".into(), late: false });
    let svg =
        Timeline::new("t\n\nt").group(Group::new("g", vec![lane])).note("n\n\n").render();
    assert!(!svg.contains("\n\n"), "{svg}");
    let title = of_class(&svg, "span")[0].title.clone().unwrap();
    assert!(title.ends_with("\nx\ny"), "{title}");
    assert_eq!(of_class(&svg, "span")[0].get("lane"), Some("lane\n\nname"));
}

/// The plot starts after the longest lane name; a very long one is cut.
#[test]
fn lane_names_make_room_or_are_cut() {
    let x_of_first_span = |name: &str| {
        let mut lane = Lane::new(name);
        lane.spans.push(Span::new(ms(0), ms(100), "a"));
        let svg = Timeline::new("t").group(Group::new("g", vec![lane])).render();
        let line =
            svg.lines().find(|l| l.contains("class=\"span\"")).unwrap().to_string();
        let x = line.split(" x=\"").nth(1).unwrap().split('"').next().unwrap();
        (x.parse::<f64>().unwrap(), svg)
    };
    let (short, _) = x_of_first_span("pool");
    let (long, _) = x_of_first_span("a much longer lane name");
    assert!(long > short, "{long} > {short}");
    let (_, svg) = x_of_first_span(&"very long name ".repeat(10));
    assert!(svg.contains("…</text>"));
    let lane = &of_class(&svg, "lane")[0];
    assert_eq!(
        lane.get("lane"),
        Some("very long name ".repeat(10).as_str()),
        "whole in data"
    );
}

/// A label is written on a bar only when it fits; the numbers stay on hover.
#[test]
fn bar_labels_only_where_they_fit() {
    let mut lane = Lane::new("l");
    lane.spans.push(Span::new(ms(0), ms(5000), "wide"));
    lane.spans.push(Span::new(ms(5000), ms(5100), "narrow"));
    let svg = Timeline::new("t").group(Group::new("g", vec![lane])).render();
    assert!(svg.contains(">wide · 5.000 s</text>"));
    assert!(!svg.contains(">narrow"));
    assert!(of_class(&svg, "span")[1].title.as_deref().unwrap().contains("narrow"));
}

/// Chapter 4's lanes: 20 calls of 152 to 231 ms on two threads over 2.1 s,
/// bars 38 to 58 units wide. Every bar whose length fits with 2 units to
/// spare (measured glyph by glyph) is labelled, in both lanes: the second
/// thread's shorter calls lost theirs when every character counted as wide.
#[test]
fn every_bar_wide_enough_gets_its_label() {
    use super::svg::glyph_width;
    let lengths = [
        [229, 225, 229, 229, 228, 231, 227, 224, 229, 0, 0],
        [192, 200, 189, 204, 189, 203, 152, 196, 202, 192, 166],
    ];
    let lanes = lengths.iter().enumerate().map(|(t, calls)| {
        let mut lane = Lane::new(format!("thread {}", t + 1));
        let mut at = 0;
        for (i, &length) in calls.iter().filter(|&&l| l > 0).enumerate() {
            lane.spans.push(Span::new(ms(at), ms(at + length), format!("call {i}")));
            at += length;
        }
        lane
    });
    let svg = Timeline::new("t").group(Group::new("g", lanes.collect())).render();
    let bars: Vec<(f64, String)> = svg
        .lines()
        .filter(|l| l.contains("class=\"span\""))
        .map(|l| {
            let width = l.split(" width=\"").nth(1).unwrap().split('"').next().unwrap();
            let title = of_class(l, "span")[0].title.clone().unwrap();
            let length = title.rsplit('(').next().unwrap().trim_end_matches(')');
            (width.parse().unwrap(), length.to_string())
        })
        .collect();
    assert_eq!(bars.len(), 20);
    let labels: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains("class=\"bar-label\""))
        .map(|l| l.rsplit_once("\">").unwrap().1.trim_end_matches("</text>"))
        .collect();
    let fitting: Vec<&str> = bars
        .iter()
        .filter(|(width, length)| glyph_width(length, 13.0) + 4.0 <= *width)
        .map(|(_, length)| length.as_str())
        .collect();
    assert_eq!(labels, fitting, "labels where they fit, and only there");
    assert_eq!(labels.len(), 18, "all but the 152 and 166 ms bars: {bars:?}");
    assert!(svg.contains("textLength="), "the labels are pinned to their width");
}

/// A lane of more than 40 spans draws them as one path, keeping the total.
#[test]
fn many_wide_spans_become_one_path() {
    let mut lane = Lane::new("thread");
    for i in 0..50u64 {
        lane.spans.push(Span::new(ms(i * 100), ms(i * 100 + 50), "stretch"));
    }
    let svg = Timeline::new("t").group(Group::new("g", vec![lane])).render();
    assert!(of_class(&svg, "span").is_empty());
    let path = &of_class(&svg, "thin-spans")[0];
    assert_eq!((path.num("count"), path.num("total-ms")), (50.0, 2500.0));
    assert_eq!(busy_ms(&svg, |_, _| true), 2500.0);
}

/// A linear x axis has round ticks from 0; many x values split the table.
#[test]
fn linear_axis_and_long_tables() {
    let points: Vec<(f64, f64)> = (1..=20).map(|n| (n as f64, 10.0 / n as f64)).collect();
    let svg = XyChart::new("t", Axis::new("N", "", 0), Axis::new("time", "s", 3))
        .series(Series::new("threads", points))
        .render();
    let x_ticks: Vec<f64> = of_class(&svg, "axis-tick")
        .iter()
        .filter(|t| t.get("value").is_some())
        .map(|t| t.num("value"))
        .collect();
    assert!(x_ticks.ends_with(&[0.0, 5.0, 10.0, 15.0, 20.0]), "{x_ticks:?}");
    let values = of_class(&svg, "value");
    assert_eq!(values.len(), 20);
    assert_eq!(values[19].num("x"), 20.0);
    // The header row (`N`) is written once per table.
    let headers = svg.matches("font-weight=\"bold\" fill=\"#222222\">N</text>").count();
    assert!(headers >= 2, "20 columns do not fit in one table: {headers}");
}

/// The table repeats each lane's numbers; a compact group gets one row.
#[test]
fn table_repeats_the_lanes_numbers() {
    let svg = two_runs().with_table().render();
    let rows = of_class(&svg, "row");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].num("busy-ms"), 600.0);
    assert_eq!(rows[0].num("count"), 2.0);
    assert!(svg.contains(">blocked · loop thread</text>"));
    let lanes = (0..5).map(|i| {
        let mut lane = Lane::new(format!("t{i}"));
        lane.spans.push(Span::new(ms(0), ms(100), "x"));
        lane
    });
    let svg = Timeline::new("t")
        .group(Group::compact("many", lanes.collect()))
        .with_table()
        .render();
    let rows = of_class(&svg, "row");
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].num("lanes"), rows[0].num("busy-ms")), (5.0, 500.0));
    assert!(of_class(&two_runs().render(), "row").is_empty(), "no table unless asked");
}

/// `until` stretches the axis past the latest thing drawn.
#[test]
fn until_stretches_the_axis() {
    let mut lane = Lane::new("thread 1");
    lane.spans.push(Span::new(ms(100), ms(250), "call 1"));
    let svg =
        Timeline::new("t").group(Group::new("g", vec![lane])).until(ms(2_000)).render();
    let last_tick = of_class(&svg, "axis-tick").last().unwrap().num("value");
    assert_eq!(last_tick, 2.0, "the axis reaches `until`");
}

/// A lane of many ticks keeps the late ones one by one and the rest as one path.
#[test]
fn many_ticks_stay_small() {
    let mut lane = Lane::new("heartbeat");
    for n in 1..=600u64 {
        let late = n % 100 == 0;
        let ran = ms(n * 10 + if late { 250 } else { 1 });
        lane.ticks.push(Tick { due: ms(n * 10), ran, label: format!("beat {n}"), late });
    }
    let svg = Timeline::new("t").group(Group::new("g", vec![lane])).render();
    let late = of_class(&svg, "tick");
    assert_eq!(late.len(), 6);
    assert!(late.iter().all(|t| t.num("lateness-ms") == 250.0));
    let rest = &of_class(&svg, "on-time-ticks")[0];
    assert_eq!((rest.num("count"), rest.num("max-lateness-ms")), (594.0, 1.0));
    assert!(svg.len() < 20_000, "600 ticks take {} bytes", svg.len());
}

/// The band's labels, read back: each label's text and its centre.
fn band_labels(svg: &str) -> Vec<(String, f64)> {
    let mut labels = Vec::new();
    for piece in svg.split("<text ").skip(1) {
        let (tag, rest) = piece.split_once('>').unwrap();
        let text = &rest[..rest.find("</text>").unwrap()];
        if !text.starts_with('+') {
            continue;
        }
        let x = tag.split("x=\"").nth(1).unwrap().split('"').next().unwrap();
        labels.push((text.to_string(), x.parse().unwrap()));
    }
    labels
}

/// Two lateness labels never overlap: a label that would collide with
/// another, also one moved inside the plot at its left edge, is left to
/// hover. (Chapter 2's picture once wrote "+308 ns+1.09 ms".)
#[test]
fn tick_labels_never_overlap() {
    use super::svg::text_width;
    for spacing in [20, 50, 100, 200, 400, 800, 1_600] {
        let mut lane = Lane::new("loop thread");
        // The first tick at the very start, then one every `spacing`.
        lane.ticks.push(Tick {
            due: ms(0),
            ran: ms(0),
            label: "tick 1".into(),
            late: false,
        });
        for n in 1..8u64 {
            let due = ms(n * spacing);
            let ran = due + Duration::from_micros(1_090 + n);
            lane.ticks.push(Tick { due, ran, label: format!("tick {n}"), late: false });
        }
        let svg = Timeline::new("t")
            .group(Group::new("g", vec![lane]))
            .until(ms(14_000))
            .render();
        let labels = band_labels(&svg);
        assert!(!labels.is_empty(), "{spacing} ms: no label at all");
        let spans: Vec<(f64, f64)> = labels
            .iter()
            .map(|(text, x)| {
                let half = text_width(text, style::SMALL) / 2.0;
                (x - half, x + half)
            })
            .collect();
        for (i, a) in spans.iter().enumerate() {
            for b in &spans[i + 1..] {
                assert!(a.1 <= b.0 || b.1 <= a.0, "{spacing} ms: {labels:?} overlap");
            }
        }
    }
}
