//! Draws the course's pictures from made-up but realistic data, to look at.
//!
//! `cargo run -p shared --example draw_demo` writes SVG files and an HTML page
//! per picture (the SVG inline, at most 820 px wide, as the book shows it) to
//! `/tmp/draw-demo/`. Open them in a browser, or take screenshots:
//! `chromium --headless --screenshot=x.png --window-size=1280,900 FILE.html`.

use std::time::Duration;

use shared::draw::{
    Axis, Group, Kind, Lane, Mark, Series, Span, Tick, Timeline, XScale, XyChart,
};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Chapter 2: a ticker every 100 ms beside CPU steps of 310 ms, blocked and offloaded.
fn mixed_tasks() -> Timeline {
    let step = 310;
    let mut blocked = Lane::new("loop thread");
    for i in 0..3 {
        blocked.spans.push(Span::new(
            ms(i * step),
            ms((i + 1) * step),
            format!("step {}", i + 1),
        ));
    }
    let mut runs = Vec::new();
    for n in 1..=9u64 {
        let due = n * 100;
        // A tick due during a step runs when the step ends.
        let ran = due.div_ceil(step) * step + 1;
        runs.push(Tick {
            due: ms(due),
            ran: ms(ran),
            label: format!("tick {n}"),
            late: ran - due > 20,
        });
    }
    blocked.ticks = runs;
    let mut on_loop = Lane::new("loop thread");
    let mut pool = Lane::new("pool thread");
    for i in 0..3 {
        pool.spans.push(
            Span::new(
                ms(i * step + 2),
                ms((i + 1) * step + 2),
                format!("step {}", i + 1),
            )
            .kind(Kind::Offloaded),
        );
    }
    for n in 1..=9u64 {
        let due = n * 100;
        on_loop.ticks.push(Tick {
            due: ms(due),
            ran: ms(due + 1),
            label: format!("tick {n}"),
            late: false,
        });
    }
    Timeline::new("Ticks beside CPU steps: blocked, then offloaded")
        .name_kind(Kind::Cpu, "CPU step on the loop")
        .name_kind(Kind::Offloaded, "CPU step on a pool thread")
        .group(Group::new("blocked: steps run on the loop", vec![blocked]))
        .group(Group::new("offloaded: steps run on a pool thread", vec![on_loop, pool]))
        .note("A tick due during a step runs when the step ends: late by up to one step.")
}

/// Chapter 3: the four modes of 20 calls on 2 cores, one time axis.
fn cpu_bound() -> Timeline {
    let call = 290u64; // ms of CPU per call
    let mut loop_lane = Lane::new("loop thread");
    for c in 0..20 {
        loop_lane.spans.push(Span::new(
            ms(c * call),
            ms((c + 1) * call),
            format!("call {}", c + 1),
        ));
    }
    // 20 threads on 2 cores: each gets about a tenth of a core, all end near 2.9 s.
    let threads: Vec<Lane> = (0..20u64)
        .map(|t| {
            let mut lane = Lane::new(format!("thread {}", t + 1));
            lane.spans.push(Span::new(
                ms(t / 2),
                ms(2_850 + t * 7),
                format!("call {}", t + 1),
            ));
            lane
        })
        .collect();
    // The GIL model: one thread at a time, in turns of 5 ms, round the 20.
    let mut gil: Vec<Lane> =
        (0..20u64).map(|t| Lane::new(format!("thread {}", t + 1))).collect();
    let mut at = 0u64;
    let mut left = [call; 20];
    while left.iter().any(|&l| l > 0) {
        for (t, lane) in gil.iter_mut().enumerate() {
            if left[t] == 0 {
                continue;
            }
            let turn = left[t].min(5);
            lane.spans.push(
                Span::new(
                    Duration::from_micros(at * 1000 + 40),
                    ms(at + turn),
                    format!("turn of thread {}", t + 1),
                )
                .kind(Kind::Held),
            );
            left[t] -= turn;
            at += turn;
        }
    }
    let workers: Vec<Lane> = (0..2u64)
        .map(|w| {
            let mut lane = Lane::new(format!("worker {}", w + 1));
            for c in 0..10 {
                lane.spans.push(Span::new(
                    ms(c * (call + 3)),
                    ms(c * (call + 3) + call),
                    format!("call {}", c * 2 + w + 1),
                ));
            }
            lane
        })
        .collect();
    let mut beat = Lane::new("heartbeat");
    for n in 1..=29u64 {
        let due = n * 100;
        let ran = due.div_ceil(call) * call;
        if ran - due > 20 {
            beat.ticks.push(Tick {
                due: ms(due),
                ran: ms(ran),
                label: format!("beat {n}"),
                late: true,
            });
        }
    }
    loop_lane.marks.push(Mark {
        at: ms(20 * call),
        label: "done".into(),
        hover: "all 20 calls".into(),
    });
    Timeline::new("20 calls of the workload, four ways, on 2 cores")
        .name_kind(Kind::Cpu, "computing")
        .name_kind(Kind::Held, "holds the GIL")
        .group(Group::new("one event loop", vec![loop_lane, beat]))
        .group(Group::compact("20 threads", threads))
        .group(Group::compact("20 threads under a GIL (5 ms turns)", gil))
        .group(Group::new("tasks on 2 workers", workers))
        .with_table()
}

/// Chapter 2's trap: two worker threads, the loop's tasks all on one of them.
fn trap() -> Timeline {
    let mut busy = Lane::new("worker 1");
    for i in 0..3 {
        busy.spans.push(Span::new(
            ms(i * 310),
            ms((i + 1) * 310),
            format!("step {}", i + 1),
        ));
    }
    for n in 1..=9u64 {
        let due = n * 100;
        let ran = due.div_ceil(310) * 310 + 1;
        busy.ticks.push(Tick {
            due: ms(due),
            ran: ms(ran),
            label: format!("tick {n}"),
            late: ran - due > 20,
        });
    }
    Timeline::new("Two worker threads, one busy, one idle").group(Group::new(
        "multi-thread runtime, 2 workers",
        vec![busy, Lane::new("worker 2")],
    ))
}

/// Chapter 4: one pool run, 4 workers, 20 calls in rounds.
fn pool_run() -> Timeline {
    let workers = (0..4u64)
        .map(|w| {
            let mut lane = Lane::new(format!("process {}", w + 1));
            for round in 0..5u64 {
                let start = 40 + round * 610 + w * 3;
                lane.spans.push(Span::new(
                    ms(start),
                    ms(start + 600),
                    format!("call {}", round * 4 + w + 1),
                ));
            }
            lane.marks.push(Mark {
                at: ms(35),
                label: "ready".into(),
                hover: "start-up".into(),
            });
            lane
        })
        .collect();
    Timeline::new("A pool of 4 processes on 2 cores: 20 calls in 5 rounds")
        .name_kind(Kind::Cpu, "a call running (sharing a core)")
        .name_marks("worker ready")
        .group(Group::new("processes", workers))
}

fn sweep() -> XyChart {
    let ns = [1.0, 2.0, 4.0, 8.0, 16.0];
    let threads = [6.12, 3.15, 3.11, 3.13, 3.2];
    let processes = [6.3, 3.31, 3.28, 3.3, 3.41];
    XyChart::new(
        "20 calls: wall time against pool size N (2 cores)",
        Axis::new("pool size N", "", 0),
        Axis::new("wall time", "s", 3),
    )
    .x_scale(XScale::Log2)
    .series(Series::new("threads", ns.iter().copied().zip(threads).collect()))
    .series(Series::new("processes", ns.iter().copied().zip(processes).collect()))
    .series(Series::reference(
        "ideal: one core's time / min(N, 2)",
        ns.iter().map(|&n| (n, 6.12 / n.min(2.0))).collect(),
    ))
    .note("Median of 3 runs each.")
}

fn speedup() -> XyChart {
    let ns = [1.0, 2.0, 4.0, 8.0, 16.0];
    let threads = [1.0, 1.94, 1.97, 1.95, 1.91];
    XyChart::new(
        "Speedup against N",
        Axis::new("pool size N", "", 0),
        Axis::new("speedup", "×", 2),
    )
    .x_scale(XScale::Log2)
    .series(Series::new("threads", ns.iter().copied().zip(threads).collect()))
    .series(Series::reference(
        "ideal min(N, 2)",
        ns.iter().map(|&n| (n, n.min(2.0))).collect(),
    ))
}

fn main() -> std::io::Result<()> {
    let dir = std::path::Path::new("/tmp/draw-demo");
    std::fs::create_dir_all(dir)?;
    let pictures = [
        ("ch2-mixed", mixed_tasks().render()),
        ("ch3-gantt", cpu_bound().render()),
        ("ch4-time", sweep().render()),
        ("ch4-speedup", speedup().render()),
        ("ch2-trap", trap().render()),
        ("ch4-pool", pool_run().render()),
    ];
    for (name, svg) in pictures {
        std::fs::write(dir.join(format!("{name}.svg")), &svg)?;
        let page = format!(
            "<!doctype html><meta charset=utf-8><body style=\"margin:0;padding:8px\">\
             <div style=\"max-width:820px\">{svg}</div></body>\n"
        );
        std::fs::write(dir.join(format!("{name}.html")), &page)?;
        // The same in grayscale, to check that the colours differ in lightness.
        let gray = page.replace("<body ", "<body style=\"filter:grayscale(1)\" ");
        std::fs::write(dir.join(format!("{name}-gray.html")), gray)?;
        shared::cli::say(format!("{name}: {} bytes", svg.len()));
    }
    Ok(())
}
