//! Every sentence of the book that compares or characterises measured
//! values, with what it asserts, as a function of the records
//! ([`crate::claims`]).
//!
//! A sentence whose wording the data chooses (a takeaway, a generated
//! value) needs no entry: it cannot be contradicted. The entries are the
//! sentences written by hand around generated numbers, grouped by page.
//!
//! To add a page's sentences (a new chapter): write a `const` list like the
//! ones below, one `Claim::on(PAGE, "words the page has", |r| ...)` per
//! sentence, whose closure compares measured values with
//! [`Measured::above`]/[`Measured::below`] (so that the reader's report can
//! show the values against the bound); add the list to [`ALL`]. A sentence
//! that holds only on some machines gets `.when(TWO_CORES)` (or another
//! [`Condition`]) and says that condition on its page. Then `cargo test -p
//! course-book --test claims` checks it on the book's records and on the
//! side sets (one core, a loaded machine); accept the reader's report's new
//! snapshot and recapture it (`capture claims_report`). A set with no
//! record of a sentence's experiment (made before the experiment existed)
//! has not measured it: the test names the sentence and passes; on the
//! book's own records that is allowed only while the book shows none of
//! that program's records.

use crate::claims::{Claim, Condition, Measured, Records, Unit::*};

// The pages, as their files in `book/src/`.
const CH2: &str = "chapter-02-mixed-tasks.md";
const CH3: &str = "chapter-03-cpu-bound.md";
const CH3_IO: &str = "chapter-03-io-bound.md";
const CH4: &str = "chapter-04-parallelism.md";
const PVR: &str = "python-vs-rust.md";
const CH5: &str = "chapter-05-cancellation-and-backpressure.md";
const CH5_PYTHON: &str = "python-beside-chapter-05.md";
const RESULTS: &str = "results.md";

/// Every page's sentences.
pub const ALL: &[&[Claim]] = &[
    CHAPTER_2,
    CHAPTER_3,
    CHAPTER_4,
    PYTHON_VS_RUST,
    CHAPTER_5,
    CHAPTER_5_PYTHON,
    RESULTS_PAGE,
];

/// The sentences in one list.
pub fn all() -> Vec<Claim> {
    ALL.iter().flat_map(|page| page.iter().copied()).collect()
}

/// How far apart two ratios may be and still be called "near" each other.
const NEAR: f64 = 1.5;

/// The machine has two cores or more (the records' `cores`).
pub const TWO_CORES: Condition = Condition {
    says: "two cores or more",
    met: |r| Ok(Measured::above(Count, "cores", r.cores()?, 1.0)),
};

/// The machine was otherwise idle: every single-threaded CPU-bound run of
/// the set (chapter 3's loop, chapter 4's pools at N = 1, the comparison's
/// loops) kept at least 0.9 of a core busy, so no other work took its core,
/// and, with two cores or more, [`TWO_FREE_CORES`].
pub const IDLE: Condition = Condition {
    says: "on an idle machine",
    met: |r| {
        let mut busy =
            each(r, "chapter-04-parallelism: experiment=pool workers=1", "cores_used")?;
        busy.push(calls_3(r, "loop", "cores_used")?);
        busy.extend(each(r, "python-vs-rust: experiment=sequential", "cores_used")?);
        let least = busy.into_iter().fold(f64::MAX, f64::min);
        let alone = Measured::above(Cores, "least busy one-thread run", least, 0.9);
        if r.cores()? < 2.0 {
            return Ok(alone);
        }
        Ok(Measured::all([alone, (TWO_FREE_CORES.met)(r)?]))
    },
};

/// [`IDLE`] with two cores or more.
pub const IDLE_TWO_CORES: Condition = Condition {
    says: "on an idle machine with two cores or more",
    met: |r| Ok(Measured::all([(TWO_CORES.met)(r)?, (IDLE.met)(r)?])),
};

/// Two cores were free for the run: chapter 4's pool of two threads kept
/// more than 1.7 cores busy (not on one core, nor beside other busy work).
pub const TWO_FREE_CORES: Condition = Condition {
    says: "two free cores",
    met: |r| {
        let busy = r.num(
            "chapter-04-parallelism: experiment=pool variant=threads workers=2",
            "cores_used",
        )?;
        Ok(Measured::above(Cores, "chapter 4's pool of 2 threads", busy, 1.7))
    },
};

/// `a` and `b` within [`NEAR`] of each other, named.
fn near(what: &str, a: f64, b: f64) -> Measured {
    let ratio = a.max(b) / a.min(b);
    Measured {
        holds: ratio < NEAR,
        why: format!("{what}: {a:.2}× and {b:.2}×, apart {ratio:.2}× < {NEAR}×"),
    }
}

/// One field of one record (`query`: `file: key=value ...`).
fn num(r: &Records, query: &str, field: &str) -> Result<f64, String> {
    r.num(query, field)
}

/// Python's wall time over Rust's for one experiment (`extra`: more
/// `key=value` pairs, e.g. `workers=2`).
fn python_over_rust(r: &Records, experiment: &str, extra: &str) -> Result<f64, String> {
    let q = |language: &str| {
        format!("python-vs-rust: experiment={experiment} language={language} {extra}")
    };
    Ok(r.num(&q("python"), "wall_s")? / r.num(&q("rust"), "wall_s")?)
}

/// One call's time in the comparison's `algorithm` rows.
fn step(r: &Records, language: &str, variant: &str) -> Result<f64, String> {
    let q = format!(
        "python-vs-rust: experiment=algorithm language={language} variant={variant}"
    );
    r.num(&q, "step_s")
}

/// A pool's speedup at N = `n` over N = 1, in the comparison.
fn pool_speedup(r: &Records, language: &str, n: u64) -> Result<f64, String> {
    let q = |n: u64| {
        format!("python-vs-rust: experiment=pool language={language} workers={n}")
    };
    Ok(r.num(&q(1), "wall_s")? / r.num(&q(n), "wall_s")?)
}

/// The comparison's pool sizes.
fn pool_sizes(r: &Records) -> Result<Vec<u64>, String> {
    let rows = r.all("python-vs-rust: experiment=pool language=rust")?;
    let sizes: Vec<u64> = rows
        .iter()
        .filter_map(|row| row.get("workers").and_then(|w| w.as_u64()))
        .collect();
    if sizes.is_empty() { Err("no pool records".into()) } else { Ok(sizes) }
}

/// Chapter 2's worst lateness for a runtime and place (`tokio-on-loop`).
fn lateness_2(r: &Records, variant: &str) -> Result<f64, String> {
    num(r, &format!("chapter-02-mixed-tasks: variant={variant}"), "worst_lateness_s")
}

/// A field of chapter 3's CPU-bound calls in one place.
fn calls_3(r: &Records, variant: &str, field: &str) -> Result<f64, String> {
    num(r, &format!("chapter-03-cpu-bound: experiment=calls variant={variant}"), field)
}

/// A field of chapter 3's scale-up, for tasks or threads.
fn scale_3(r: &Records, variant: &str, field: &str) -> Result<f64, String> {
    num(r, &format!("chapter-03-cpu-bound: experiment=io_scale variant={variant}"), field)
}

/// A speedup of chapter 4's algorithms.
fn algorithm_4(r: &Records, variant: &str) -> Result<f64, String> {
    num(
        r,
        &format!("chapter-04-parallelism: experiment=algorithm variant={variant}"),
        "speedup",
    )
}

/// Every record of `query` waited about one wait (`wait_s`): under twice it.
fn about_one_wait(r: &Records, query: &str, wait_s: f64) -> Result<Measured, String> {
    let rows = r.all(query)?;
    if rows.is_empty() {
        return Err(format!("{query}: no records"));
    }
    let slowest = rows
        .iter()
        .filter_map(|row| row.get("wall_s").and_then(|w| w.as_f64()))
        .reduce(f64::max)
        .unwrap_or(f64::MAX);
    Ok(Measured::below(Seconds, "slowest way's wall time", slowest, 2.0 * wait_s))
}

/// No tick late in any of `query`'s records (their `late_ticks`), named
/// `what`.
fn no_late_tick(r: &Records, what: &str, query: &str) -> Result<Measured, String> {
    let rows = r.all(query)?;
    if rows.is_empty() {
        return Err(format!("{query}: no records"));
    }
    let late: f64 = rows.iter().filter_map(|row| row.get("late_ticks")?.as_f64()).sum();
    Ok(Measured::below(Count, &format!("{what}: late ticks"), late, 1.0))
}

/// Every `query` record's `field`, which must be there.
fn each(r: &Records, query: &str, field: &str) -> Result<Vec<f64>, String> {
    let rows = r.all(query)?;
    let values: Vec<f64> =
        rows.iter().filter_map(|row| row.get(field)?.as_f64()).collect();
    if values.is_empty() || values.len() != rows.len() {
        return Err(format!("{query}: not every record has {field}"));
    }
    Ok(values)
}

/// Waiting needs no CPU: every `query` record kept under a quarter of a
/// core busy.
fn no_cpu(r: &Records, query: &str) -> Result<Measured, String> {
    let most = each(r, query, "cores_used")?.into_iter().fold(0.0, f64::max);
    Ok(Measured::below(Cores, "most cores busy while waiting", most, 0.25))
}

/// A field of the comparison's record of `experiment` in `language`
/// (`extra`: more `key=value` pairs).
fn pvr(
    r: &Records,
    experiment: &str,
    language: &str,
    extra: &str,
    field: &str,
) -> Result<f64, String> {
    num(
        r,
        &format!("python-vs-rust: experiment={experiment} language={language} {extra}"),
        field,
    )
}

/// The worst lateness of `language`'s mixed tasks, in CPU steps.
fn late_in_steps(r: &Records, language: &str) -> Result<f64, String> {
    Ok(pvr(r, "mixed_tasks", language, "", "worst_lateness_s")?
        / pvr(r, "mixed_tasks", language, "", "step_s")?)
}

const CHAPTER_2: &[Claim] = &[
    Claim::on(
        CH2,
        "The calibration aims for the first range, and on an idle \
         machine the measured steps fall in it",
        |r| {
            let q = "chapter-02-mixed-tasks: variant=tokio-on-loop";
            let (step, interval) = (num(r, q, "step_s")?, num(r, q, "interval_s")?);
            Ok(Measured::all([
                Measured::above(Seconds, "step", step, interval / 2.0),
                Measured::below(Seconds, "step", step, interval),
            ]))
        },
    )
    .when(IDLE),
    Claim::on(
        CH2,
        "where the join sometimes starts the next step first, a tick \
         waited one step more",
        |r| {
            Ok(Measured::above(
                Seconds,
                "worst lateness, multi-thread against current-thread",
                lateness_2(r, "tokio-multi-thread-on-loop")?,
                lateness_2(r, "tokio-on-loop")?,
            ))
        },
    )
    .when(TWO_CORES),
    Claim::on(
        CH2,
        "Off the loop the lateness is only the time a timer takes to wake",
        |r| {
            let offloaded = [
                "tokio-spawn-blocking",
                "async-std-spawn-blocking",
                "smol-unblock",
                "tokio-multi-thread-spawn-blocking",
                "tokio-rayon",
            ];
            let worst = offloaded
                .iter()
                .map(|variant| lateness_2(r, variant))
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .fold(0.0, f64::max);
            Ok(Measured::below(Seconds, "worst lateness off the loop", worst, 0.1))
        },
    ),
    Claim::on(
        CH2,
        "a small part of the 2 s interval: the ticks are late by less \
         than that, under the threshold of a quarter of the interval, and \
         the run says on time",
        |r| {
            let call =
                num(r, "python-vs-rust: experiment=one_call language=rust", "wall_s")?;
            Ok(Measured::below(Seconds, "one call", call, 0.5))
        },
    )
    .when(IDLE),
];

const CHAPTER_3: &[Claim] = &[
    Claim::on(
        CH3,
        "does the loop's work one call at a time, so on an idle machine it \
         cannot",
        |r| {
            Ok(Measured::above(
                Seconds,
                "GIL model's wall time against 0.95 × the loop's",
                calls_3(r, "gil-model", "wall_s")?,
                0.95 * calls_3(r, "loop", "wall_s")?,
            ))
        },
    )
    .when(IDLE),
    Claim::on(CH3, "kept up to every core busy (the verdict `parallel`)", |r| {
        let busy = |variant| calls_3(r, variant, "cores_used");
        Ok(Measured::all([
            Measured::above(Cores, "threads' cores busy", busy("threads")?, 1.25),
            Measured::above(Cores, "tasks' cores busy", busy("tasks")?, 1.25),
        ]))
    })
    .when(IDLE_TWO_CORES),
    Claim::on(CH3, "on the threads, apart by a few percent at most", |r| {
        let ratio = calls_3(r, "threads", "cpu_s")? / calls_3(r, "loop", "cpu_s")?;
        Ok(Measured::below(
            Percent,
            "threads' CPU time off the loop's by",
            (ratio - 1.0).abs() * 100.0,
            5.0,
        ))
    }),
    Claim::on(
        CH3,
        "no worker looked at the timers until the queue of calls had drained",
        |r| {
            Ok(Measured::above(
                Seconds,
                "tasks' worst lateness against half their wall",
                calls_3(r, "tasks", "worst_lateness_s")?,
                0.5 * calls_3(r, "tasks", "wall_s")?,
            ))
        },
    ),
    Claim::on(CH3_IO, "every place takes about one wait", |r| {
        about_one_wait(r, "chapter-03-cpu-bound: experiment=io_calls", 0.1)
    }),
    Claim::on(CH3_IO, "a factor of a few, not of hundreds", |r| {
        let ratio = scale_3(r, "threads", "memory_each_bytes")?
            / scale_3(r, "tasks", "memory_each_bytes")?;
        Ok(Measured::all([
            Measured::above(Times, "threads' memory over tasks'", ratio, 1.5),
            Measured::below(Times, "threads' memory over tasks'", ratio, 50.0),
        ]))
    }),
    Claim::on(CH3_IO, "is that factor and the faster start-up", |r| {
        Ok(Measured::below(
            Seconds,
            "tasks' start-up against threads'",
            scale_3(r, "tasks", "startup_s")?,
            scale_3(r, "threads", "startup_s")?,
        ))
    }),
    Claim::on(CH3, "on an idle machine, a call or two late on the loop", |r| {
        let call = calls_3(r, "loop", "wall_s")? / 20.0;
        let late = calls_3(r, "loop", "worst_lateness_s")?;
        Ok(Measured::all([
            Measured::above(Seconds, "the loop's worst lateness", late, 0.5 * call),
            Measured::below(Seconds, "the loop's worst lateness", late, 2.5 * call),
        ]))
    })
    .when(IDLE),
    Claim::on(CH3_IO, "the speedups against the loop stay near one", |r| {
        let q = "chapter-03-cpu-bound: experiment=io_calls";
        let base = num(r, &format!("{q} variant=loop"), "wall_s")?;
        let walls = each(r, q, "wall_s")?;
        let (low, high) =
            walls.iter().fold((f64::MAX, 0.0f64), |(l, h), w| (l.min(*w), h.max(*w)));
        Ok(Measured::all([
            Measured::above(
                Times,
                "slowest way against the loop",
                base / high,
                1.0 / NEAR,
            ),
            Measured::below(Times, "fastest way against the loop", base / low, NEAR),
        ]))
    }),
    Claim::on(CH3_IO, "Waiting needs no CPU (look at the cores used)", |r| {
        no_cpu(r, "chapter-03-cpu-bound: experiment=io_calls")
    }),
];

const CHAPTER_4: &[Claim] = &[
    Claim::on(CH4, "A better algorithm beats more cores", |r| {
        Ok(Measured::above(
            Times,
            "speedup, tree on 1 core against loop on all",
            algorithm_4(r, "tree-1-core")?,
            algorithm_4(r, "loop-all-cores")?,
        ))
    }),
    Claim::on(CH4, "gains more than the second core does, in either language", |r| {
        let python_tree = step(r, "python", "loop")? / step(r, "python", "tree")?;
        Ok(Measured::all([
            Measured::above(
                Times,
                "Rust: speedup, tree on 1 core against loop on all",
                algorithm_4(r, "tree-1-core")?,
                algorithm_4(r, "loop-all-cores")?,
            ),
            Measured::above(
                Times,
                "Python: tree's gain over loop against pool at N = 2",
                python_tree,
                pool_speedup(r, "python", 2)?,
            ),
        ]))
    }),
    Claim::on(
        CH4,
        "On an idle machine, a loop that hands its work away stays on time",
        |r| {
            let away = |variant| {
                no_late_tick(
                    r,
                    variant,
                    &format!(
                        "chapter-04-parallelism: experiment=hybrid variant={variant}"
                    ),
                )
            };
            Ok(Measured::all([away("threads")?, away("processes")?]))
        },
    )
    .when(IDLE),
    Claim::on(CH4, "the same calls on the loop make it late by about a call", |r| {
        let q = "chapter-04-parallelism: experiment=hybrid variant=on-loop";
        let (late, call) = (num(r, q, "worst_lateness_s")?, num(r, q, "wall_s")? / 20.0);
        Ok(Measured::all([
            Measured::above(Seconds, "worst lateness", late, 0.5 * call),
            Measured::below(Seconds, "worst lateness", late, 2.0 * call),
        ]))
    }),
    Claim::on(CH4, "past the core count, more workers only share the same cores", |r| {
        let cores = r.cores()?;
        let mut parts = Vec::new();
        for variant in ["threads", "processes"] {
            let q = format!("chapter-04-parallelism: experiment=pool variant={variant}");
            let at_cores = num(r, &format!("{q} workers={cores}"), "speedup")?;
            let rows = r.all(&q)?;
            let beyond = rows
                .iter()
                .filter(|row| {
                    row.get("workers").and_then(|w| w.as_f64()).is_some_and(|n| n > cores)
                })
                .filter_map(|row| row.get("speedup")?.as_f64())
                .fold(0.0, f64::max);
            parts.push(Measured::below(
                Times,
                &format!("{variant}: best past the cores over at the cores"),
                beyond / at_cores,
                1.1,
            ));
        }
        Ok(Measured::all(parts))
    })
    .when(IDLE),
    Claim::on(CH4, "why the parallel tree does not double its speed on 2 cores", |r| {
        let gain =
            algorithm_4(r, "parallel-tree-all-cores")? / algorithm_4(r, "tree-1-core")?;
        Ok(Measured::below(Times, "parallel tree over tree", gain, 1.8))
    }),
];

const PYTHON_VS_RUST: &[Claim] = &[
    Claim::on(PVR, "Rust wins one call by a small factor", |r| {
        let ratio = python_over_rust(r, "one_call", "")?;
        Ok(Measured::all([
            Measured::above(Times, "Python/Rust", ratio, 1.0),
            Measured::below(Times, "Python/Rust", ratio, 10.0),
        ]))
    }),
    Claim::on(PVR, "Python's loop is slower than Rust's", |r| {
        Ok(Measured::above(
            Times,
            "Python/Rust",
            python_over_rust(r, "sequential", "")?,
            1.0,
        ))
    }),
    Claim::on(PVR, "Python's 20 threads keep about one core busy", |r| {
        let busy =
            num(r, "python-vs-rust: experiment=threads language=python", "cores_used")?;
        Ok(Measured::below(Cores, "cores busy", busy, 1.3))
    }),
    Claim::on(
        PVR,
        "Rust's advantage here is therefore the loop's ratio *times* the cores it adds, \
               and a little more",
        |r| {
            let busy = |language: &str| {
                num(
                    r,
                    &format!("python-vs-rust: experiment=threads language={language}"),
                    "cores_used",
                )
            };
            let cores_added = busy("rust")? / busy("python")?;
            Ok(Measured::above(
                Times,
                "threads' Python/Rust against loop's × cores added",
                python_over_rust(r, "threads", "")?,
                python_over_rust(r, "sequential", "")? * cores_added,
            ))
        },
    )
    .when(TWO_FREE_CORES),
    Claim::on(PVR, "Python's pool gains less at N = 2 than Rust's", |r| {
        Ok(Measured::below(
            Times,
            "Python's speedup at N = 2 against Rust's",
            pool_speedup(r, "python", 2)?,
            pool_speedup(r, "rust", 2)?,
        ))
    })
    .when(TWO_FREE_CORES),
    Claim::on(PVR, "both end near a speedup of the number of cores", |r| {
        let cores = r.cores()?;
        let best = |language| -> Result<f64, String> {
            let mut best: f64 = 0.0;
            for n in pool_sizes(r)? {
                best = best.max(pool_speedup(r, language, n)?);
            }
            Ok(best)
        };
        Ok(Measured::all([
            Measured::above(Times, "Rust's best speedup", best("rust")?, 0.85 * cores),
            Measured::above(
                Times,
                "Python's best speedup",
                best("python")?,
                0.85 * cores,
            ),
        ]))
    })
    .when(TWO_FREE_CORES),
    Claim::on(
        PVR,
        "At every N, Rust's pool is faster, by a ratio near the loop's",
        |r| {
            let loop_ratio = python_over_rust(r, "sequential", "")?;
            let mut parts = Vec::new();
            for n in pool_sizes(r)? {
                let ratio = python_over_rust(r, "pool", &format!("workers={n}"))?;
                parts.push(Measured::above(
                    Times,
                    &format!("N = {n}: Python/Rust"),
                    ratio,
                    1.0,
                ));
                parts.push(near(
                    &format!("N = {n}: pool's ratio and loop's"),
                    ratio,
                    loop_ratio,
                ));
            }
            Ok(Measured::all(parts))
        },
    ),
    Claim::on(PVR, "and a ratio near the loop row's again", |r| {
        let ratio = step(r, "python", "loop")? / step(r, "rust", "loop-1-core")?;
        Ok(near(
            "algorithm loop's ratio, loop row's",
            ratio,
            python_over_rust(r, "sequential", "")?,
        ))
    }),
    Claim::on(
        PVR,
        "in each, the tree is many times faster than the loop, a larger gain than the \
               ratio Rust's loop has over Python's",
        |r| {
            let languages = step(r, "python", "loop")? / step(r, "rust", "loop-1-core")?;
            let python_tree = step(r, "python", "loop")? / step(r, "python", "tree")?;
            let rust_tree =
                step(r, "rust", "loop-1-core")? / step(r, "rust", "tree-1-core")?;
            Ok(Measured::all([
                Measured::above(
                    Times,
                    "Python's tree gain against languages' ratio",
                    python_tree,
                    languages,
                ),
                Measured::above(
                    Times,
                    "Rust's tree gain against languages' ratio",
                    rust_tree,
                    languages,
                ),
            ]))
        },
    ),
    Claim::on(PVR, "on an idle machine, both loops keep their ticker on time", |r| {
        no_late_tick(r, "both languages", "python-vs-rust: experiment=hybrid")
    })
    .when(IDLE),
    Claim::on(PVR, "all 20 took about one wait, not twenty", |r| {
        about_one_wait(r, "python-vs-rust: experiment=io_calls", 0.1)
    }),
    Claim::on(PVR, "On an idle machine, *starting* a thread costs more in Python than \
         in Rust", |r| {
        let q = |language: &str| {
            format!(
                "python-vs-rust: experiment=io_scale variant=threads language={language}"
            )
        };
        Ok(Measured::above(
            Seconds,
            "start-up per thread, Python against Rust",
            num(r, &q("python"), "startup_s")?,
            num(r, &q("rust"), "startup_s")?,
        ))
    })
    .when(IDLE),
    Claim::on(PVR, "Mixed tasks: both loops are late.", |r| {
        Ok(Measured::all([
            Measured::above(
                Times,
                "Python: worst lateness in steps",
                late_in_steps(r, "python")?,
                0.5,
            ),
            Measured::above(
                Times,
                "Rust: worst lateness in steps",
                late_in_steps(r, "rust")?,
                0.5,
            ),
        ]))
    }),
    Claim::on(PVR, "Rust's faster steps only make each wait shorter", |r| {
        let late = |language| pvr(r, "mixed_tasks", language, "", "worst_lateness_s");
        Ok(Measured::below(
            Seconds,
            "worst lateness, Rust against Python",
            late("rust")?,
            late("python")?,
        ))
    }),
    Claim::on(PVR, "On an idle machine, a tick can thus wait for up to two steps", |r| {
        Ok(Measured::below(
            Times,
            "Python: worst lateness in steps",
            late_in_steps(r, "python")?,
            2.1,
        ))
    })
    .when(IDLE),
    Claim::on(PVR, "waits for at most the one step that was running", |r| {
        Ok(Measured::below(
            Times,
            "Rust: worst lateness in steps",
            late_in_steps(r, "rust")?,
            1.1,
        ))
    }),
    Claim::on(
        PVR,
        "Rust's GIL model does the same, and on an idle machine ties with \
         the plain threads",
        |r| {
            let wall = |variant: &str| {
                pvr(r, "io_calls", "rust", &format!("variant={variant}"), "wall_s")
            };
            Ok(near("GIL model's wall, threads'", wall("gil-model")?, wall("threads")?))
        },
    )
    .when(IDLE),
    Claim::on(PVR, "Waiting needs no CPU: look at the cores used", |r| {
        no_cpu(r, "python-vs-rust: experiment=io_calls")
    }),
    Claim::on(
        PVR,
        "a task is cheaper than a thread, in both languages, and Rust's are cheaper than Python's",
        |r| {
            let memory = |variant: &str, language| {
                pvr(
                    r,
                    "io_scale",
                    language,
                    &format!("variant={variant}"),
                    "memory_each_bytes",
                )
            };
            let (rust_task, rust_thread) =
                (memory("tasks", "rust")?, memory("threads", "rust")?);
            let (python_task, python_thread) =
                (memory("asyncio", "python")?, memory("threads", "python")?);
            Ok(Measured::all([
                Measured::above(
                    Times,
                    "Rust: memory, a thread over a task",
                    rust_thread / rust_task,
                    1.0,
                ),
                Measured::above(
                    Times,
                    "Python: memory, a thread over a task",
                    python_thread / python_task,
                    1.0,
                ),
                Measured::above(
                    Times,
                    "tasks: memory, Python over Rust",
                    python_task / rust_task,
                    1.0,
                ),
                Measured::above(
                    Times,
                    "threads: memory, Python over Rust",
                    python_thread / rust_thread,
                    1.0,
                ),
            ]))
        },
    ),
];

/// A record of chapter 5's own run (`query`: its `key=value` pairs).
fn ch5(query: &str) -> String {
    format!("chapter-05-cancellation-and-backpressure: {query}")
}

/// A record of the comparison's Python side.
fn python(query: &str) -> String {
    format!("python-vs-rust: language=python {query}")
}

/// A record of the comparison's Rust side (chapter 5's code, run by compare).
fn rust(query: &str) -> String {
    format!("python-vs-rust: language=rust {query}")
}

// Chapter 5's ways of giving up on a job, as their records name them.
const TIMEOUT: &str = "experiment=cancel_timeout variant=awaited-steps";
const ON_LOOP: &str = "experiment=cancel_timeout variant=steps-on-loop";
const SPAWN_BLOCKING: &str = "experiment=cancel_blocking variant=spawn-blocking";
const RAYON: &str = "experiment=cancel_blocking variant=rayon";
const EXECUTOR: &str = "experiment=cancel_blocking variant=run-in-executor";
const TOKEN: &str = "experiment=cancel_token variant=token";
const KILLED: &str = "experiment=cancel_process variant=killed";

/// The way's name in a reason: its variant (or experiment), and its
/// language when the query names one (`awaited-steps (python)`).
fn way(query: &str) -> String {
    let value =
        |key: &str| query.split_whitespace().find_map(|pair| pair.strip_prefix(key));
    let name = value("variant=").or(value("experiment=")).unwrap_or(query);
    match value("language=") {
        Some(language) => format!("{name} ({language})"),
        None => name.to_string(),
    }
}

/// The record's verdict is `words`.
fn verdict(r: &Records, query: &str, words: &str) -> Result<Measured, String> {
    let said = r.text(query, "verdict")?;
    let why = if said == words {
        format!("{}: verdict \"{said}\"", way(query))
    } else {
        format!("{}: verdict \"{said}\", not \"{words}\"", way(query))
    };
    Ok(Measured { holds: said == words, why })
}

/// Steps a cancelled job began and did not end: cut in the middle.
fn cut(r: &Records, query: &str) -> Result<f64, String> {
    Ok(num(r, query, "steps_started")? - num(r, query, "steps_finished")?)
}

/// The job ended every step it began: none was cut in the middle.
fn whole_steps(r: &Records, query: &str) -> Result<Measured, String> {
    let what = format!("{}: steps begun, not ended", way(query));
    Ok(Measured::below(Count, &what, cut(r, query)?, 1.0))
}

/// The job stopped once its caller gave up, at the end of the step in
/// progress.
fn stopped(r: &Records, query: &str) -> Result<Measured, String> {
    Ok(Measured::all([
        verdict(r, query, "stopped at the step's end")?,
        whole_steps(r, query)?,
    ]))
}

/// The job ran on after its caller gave up, step after whole step, past
/// where the chain a timeout dropped (`dropped`) stopped.
fn ran_on(r: &Records, query: &str, dropped: &str) -> Result<Measured, String> {
    Ok(Measured::all([
        verdict(r, query, "ran on")?,
        whole_steps(r, query)?,
        Measured::above(
            Count,
            &format!("{}: steps ended, over the timeout's begun", way(query)),
            num(r, query, "steps_finished")?,
            num(r, dropped, "steps_started")?,
        ),
    ]))
}

/// The killed process stopped in the middle of a step, and no other way
/// did (`side`: the records' side, `ways`: the others).
fn only_the_process_cuts(
    r: &Records,
    side: fn(&str) -> String,
    ways: &[&str],
) -> Result<Measured, String> {
    let mut parts = vec![
        verdict(r, &side(KILLED), "stopped mid-step")?,
        Measured::above(
            Count,
            &format!("{}: steps begun, not ended", way(&side(KILLED))),
            cut(r, &side(KILLED))?,
            0.0,
        ),
    ];
    for query in ways {
        parts.push(whole_steps(r, &side(query))?);
    }
    Ok(Measured::all(parts))
}

/// Chapter 5's blocking-pool and rayon jobs ran on past the dropped chain.
fn blocking_jobs_ran_on(r: &Records) -> Result<Measured, String> {
    Ok(Measured::all([
        ran_on(r, &ch5(SPAWN_BLOCKING), &ch5(TIMEOUT))?,
        ran_on(r, &ch5(RAYON), &ch5(TIMEOUT))?,
    ]))
}

/// A channel's memory grew without a bound and stayed flat with one
/// (`side`: which records).
fn bound_keeps_memory_flat(
    r: &Records,
    side: fn(&str) -> String,
) -> Result<Measured, String> {
    let (unbounded, bounded) =
        (side("experiment=channel_unbounded"), side("experiment=channel_bounded"));
    let memory = |query: &str| num(r, query, "peak_memory_bytes");
    Ok(Measured::all([
        verdict(r, &unbounded, "grew")?,
        verdict(r, &bounded, "flat")?,
        Measured::above(
            Times,
            "peak memory, unbounded over bounded",
            memory(&unbounded)? / memory(&bounded)?,
            1.0,
        ),
    ]))
}

/// Requests that wait for a permit took longer, at the median, than the
/// same requests all at once.
fn permits_wait_in_the_caller(
    r: &Records,
    side: fn(&str) -> String,
) -> Result<Measured, String> {
    let median = |variant| {
        num(
            r,
            &side(&format!("experiment=semaphore variant={variant}")),
            "latency_median_ms",
        )
    };
    Ok(Measured::above(
        Seconds,
        "median latency, capped against uncapped",
        median("capped")? / 1e3,
        median("uncapped")? / 1e3,
    ))
}

/// `read_exact` in chapter 5's `select!` loop lost messages; the buffer kept
/// outside the loop lost none.
fn cancel_safety(r: &Records) -> Result<Measured, String> {
    let lost = |variant: &str| {
        let query = ch5(&format!("experiment=cancel_safety variant={variant}"));
        num(r, &query, "lost_messages")
    };
    Ok(Measured::all([
        Measured::above(Count, "read_exact: messages lost", lost("read-exact")?, 0.0),
        Measured::below(Count, "buffered: messages lost", lost("buffered")?, 1.0),
    ]))
}

/// How far apart two rates may be and be "about the same": a quarter, as
/// chapter 5's verdict on the producer's pace allows.
const SAME_RATE: f64 = 1.25;

const CHAPTER_5: &[Claim] = &[
    Claim::on(
        CH5,
        "the timeout drops only the *handle*, and the job runs to its end",
        blocking_jobs_ran_on,
    ),
    Claim::on(CH5, "A process can be stopped mid-step", |r| {
        only_the_process_cuts(r, ch5, &[TIMEOUT, SPAWN_BLOCKING, RAYON, TOKEN])
    }),
    Claim::on(CH5, "on an idle machine, inside the second step", |r| {
        let begun = num(r, &ch5(TIMEOUT), "steps_started")?;
        Ok(Measured::all([
            Measured::above(Count, "timeout: steps begun", begun, 1.0),
            Measured::below(Count, "timeout: steps begun", begun, 3.0),
        ]))
    })
    .when(IDLE),
    Claim::on(
        CH5,
        "A timeout stops a future at an `.await`, never inside a step.",
        |r| stopped(r, &ch5(TIMEOUT)),
    ),
    Claim::on(
        CH5,
        "The blocking pool's and rayon's jobs run every step after their caller gave up",
        blocking_jobs_ran_on,
    ),
    Claim::on(CH5, "bounds the waste to the step in progress", |r| {
        stopped(r, &ch5(TOKEN))
    }),
    Claim::on(CH5, "Only a process stops mid-step", |r| {
        only_the_process_cuts(r, ch5, &[TIMEOUT, SPAWN_BLOCKING, RAYON, TOKEN])
    }),
    Claim::on(
        CH5,
        "loses the bytes it had read when the timer wins, and with them the framing of \
         every message after; `read_buf` into a buffer kept outside the loop loses nothing",
        cancel_safety,
    ),
    Claim::on(CH5, "Without a bound, memory follows the queue.", |r| {
        bound_keeps_memory_flat(r, ch5)
    }),
    Claim::on(
        CH5,
        "the consumer's rate, the throughput, is about the same both ways",
        |r| {
            let rate = |experiment: &str| {
                num(r, &ch5(&format!("experiment={experiment}")), "throughput_per_s")
            };
            let (a, b) = (rate("channel_unbounded")?, rate("channel_bounded")?);
            Ok(Measured::below(
                Times,
                "throughput, the faster way over the slower",
                a.max(b) / a.min(b),
                SAME_RATE,
            ))
        },
    ),
    Claim::on(
        CH5,
        "the requests that wait for a permit wait in the caller, and their latency says so",
        |r| permits_wait_in_the_caller(r, ch5),
    ),
];

const CHAPTER_5_PYTHON: &[Claim] = &[
    Claim::on(
        CH5_PYTHON,
        "The task learns of it at its `await`, as a `CancelledError`: no step starts after it.",
        |r| stopped(r, &python(TIMEOUT)),
    ),
    Claim::on(
        CH5_PYTHON,
        "So the step in flight runs on in its thread, as the Rust step does on the blocking \
         pool.",
        |r| {
            Ok(Measured::all([
                whole_steps(r, &python(TIMEOUT))?,
                whole_steps(r, &rust(TIMEOUT))?,
            ]))
        },
    ),
    Claim::on(
        CH5_PYTHON,
        "The cancel still lands at an `await`, never inside a step, but later than it looks.",
        |r| {
            let begun = |query: &str| num(r, &python(query), "steps_started");
            Ok(Measured::all([
                whole_steps(r, &python(ON_LOOP))?,
                Measured::above(
                    Count,
                    "steps begun, on the loop against awaited",
                    begun(ON_LOOP)?,
                    begun(TIMEOUT)?,
                ),
            ]))
        },
    ),
    Claim::on(CH5_PYTHON, "`wait_for` times out, and the job does not notice", |r| {
        ran_on(r, &python(EXECUTOR), &python(TIMEOUT))
    }),
    Claim::on(CH5_PYTHON, "A process is still the one thing that stops mid-step.", |r| {
        only_the_process_cuts(r, python, &[TIMEOUT, ON_LOOP, EXECUTOR, TOKEN])
    }),
];

const RESULTS_PAGE: &[Claim] = &[
    Claim::on(
        RESULTS,
        "A timeout stops a future at its next `.await`; a blocking job runs on after its \
         handle is dropped",
        |r| {
            Ok(Measured::all([
                stopped(r, &rust(TIMEOUT))?,
                ran_on(r, &rust(SPAWN_BLOCKING), &rust(TIMEOUT))?,
            ]))
        },
    ),
    Claim::on(
        RESULTS,
        "A token checked between steps stops the job at a step's end; a killed process \
         stops mid-step",
        |r| {
            Ok(Measured::all([
                stopped(r, &rust(TOKEN))?,
                only_the_process_cuts(r, rust, &[TIMEOUT, SPAWN_BLOCKING, RAYON, TOKEN])?,
            ]))
        },
    ),
    Claim::on(
        RESULTS,
        "In a `select!` loop, `read_exact` loses messages; a buffer kept outside the loop \
         loses none",
        cancel_safety,
    ),
    Claim::on(
        RESULTS,
        "A bounded channel keeps memory flat where an unbounded one grows",
        |r| bound_keeps_memory_flat(r, rust),
    ),
    Claim::on(
        RESULTS,
        "Requests that wait for a `Semaphore`'s permit wait in the caller",
        |r| permits_wait_in_the_caller(r, rust),
    ),
];
