//! Every sentence of the book whose truth depends on a measurement, with the
//! condition it asserts, checked against the committed records
//! (`book/results/run-*/`, each row its median run). A new `measure.sh` run that contradicts a
//! sentence fails here, and the failure names the sentence; so does a
//! sentence edited on its page without its entry here.
//!
//! A sentence whose wording the data chooses (a generated phrase) needs no
//! entry: it cannot be contradicted. The entries are the sentences written
//! by hand around generated numbers.

use course_book::claims::{self, Claim, Records};
use course_book::workspace;

/// How far apart two ratios may be and still be called "near" each other.
const NEAR: f64 = 1.5;

fn near(a: f64, b: f64) -> bool {
    a / b < NEAR && b / a < NEAR
}

/// Python's wall time over Rust's for one experiment (`extra`: more
/// `key=value` pairs, e.g. `workers=2`).
fn python_over_rust(r: &Records, experiment: &str, extra: &str) -> Result<f64, String> {
    let q = |language: &str| {
        format!("python-vs-rust: experiment={experiment} language={language} {extra}")
    };
    Ok(r.num(&q("python"), "wall_s")? / r.num(&q("rust"), "wall_s")?)
}

/// The pool sizes the comparison measured.
fn pool_sizes(r: &Records) -> Result<Vec<u64>, String> {
    let rows = r.all("python-vs-rust: experiment=pool language=rust")?;
    let sizes: Vec<u64> = rows
        .iter()
        .filter_map(|row| row.get("workers").and_then(|w| w.as_u64()))
        .collect();
    if sizes.is_empty() { Err("no pool records".into()) } else { Ok(sizes) }
}

/// One call's time in the `algorithm` rows.
fn step(r: &Records, language: &str, variant: &str) -> Result<f64, String> {
    r.num(
        &format!(
            "python-vs-rust: experiment=algorithm language={language} variant={variant}"
        ),
        "step_s",
    )
}

/// One field of one chapter record (`query`: `key=value` pairs).
fn chapter(r: &Records, file: &str, query: &str, field: &str) -> Result<f64, String> {
    r.num(&format!("{file}: {query}"), field)
}

/// Chapter 2's worst lateness for a runtime and place (`tokio-on-loop`).
fn lateness_2(r: &Records, variant: &str) -> Result<f64, String> {
    chapter(
        r,
        "chapter-02-mixed-tasks",
        &format!("variant={variant}"),
        "worst_lateness_s",
    )
}

/// A field of chapter 3's CPU-bound calls in one place.
fn calls_3(r: &Records, variant: &str, field: &str) -> Result<f64, String> {
    chapter(
        r,
        "chapter-03-cpu-bound",
        &format!("experiment=calls variant={variant}"),
        field,
    )
}

/// A field of chapter 3's scale-up, for tasks or threads.
fn scale_3(r: &Records, variant: &str, field: &str) -> Result<f64, String> {
    chapter(
        r,
        "chapter-03-cpu-bound",
        &format!("experiment=io_scale variant={variant}"),
        field,
    )
}

const CLAIMS: &[Claim] = &[
    Claim {
        page: "python-vs-rust.md",
        says: "Python's loop is slower than Rust's",
        holds: |r| Ok(python_over_rust(r, "sequential", "")? > 1.0),
    },
    Claim {
        page: "python-vs-rust.md",
        says: "At every N, Rust's pool is faster, by a ratio near the loop's",
        holds: |r| {
            let loop_ratio = python_over_rust(r, "sequential", "")?;
            for n in pool_sizes(r)? {
                let ratio = python_over_rust(r, "pool", &format!("workers={n}"))?;
                if ratio <= 1.0 || !near(ratio, loop_ratio) {
                    return Ok(false);
                }
            }
            Ok(true)
        },
    },
    Claim {
        page: "python-vs-rust.md",
        says: "and a ratio near the loop row's again",
        holds: |r| {
            let ratio = step(r, "python", "loop")? / step(r, "rust", "loop-1-core")?;
            Ok(near(ratio, python_over_rust(r, "sequential", "")?))
        },
    },
    Claim {
        page: "python-vs-rust.md",
        says: "in each, the tree is many times faster than the loop, a larger gain than the \
               ratio Rust's loop has over Python's",
        holds: |r| {
            let languages = step(r, "python", "loop")? / step(r, "rust", "loop-1-core")?;
            let python_tree = step(r, "python", "loop")? / step(r, "python", "tree")?;
            let rust_tree =
                step(r, "rust", "loop-1-core")? / step(r, "rust", "tree-1-core")?;
            Ok(python_tree > languages && rust_tree > languages)
        },
    },
    Claim {
        page: "chapter-02-mixed-tasks.md",
        says: "The calibration aims for the first range, and the measured steps fall in it",
        holds: |r| {
            let q = "variant=tokio-on-loop";
            let step = chapter(r, "chapter-02-mixed-tasks", q, "step_s")?;
            let interval = chapter(r, "chapter-02-mixed-tasks", q, "interval_s")?;
            Ok(interval / 2.0 <= step && step < interval)
        },
    },
    Claim {
        page: "chapter-02-mixed-tasks.md",
        says: "where the join sometimes starts the next step first, a tick waited one step more",
        holds: |r| {
            Ok(lateness_2(r, "tokio-multi-thread-on-loop")?
                > lateness_2(r, "tokio-on-loop")?)
        },
    },
    Claim {
        page: "chapter-02-mixed-tasks.md",
        says: "Off the loop the lateness is only the time a timer takes to wake",
        holds: |r| {
            let offloaded = [
                "tokio-spawn-blocking",
                "async-std-spawn-blocking",
                "smol-unblock",
                "tokio-multi-thread-spawn-blocking",
                "tokio-rayon",
            ];
            for variant in offloaded {
                if lateness_2(r, variant)? >= 0.1 {
                    return Ok(false);
                }
            }
            Ok(true)
        },
    },
    Claim {
        page: "chapter-02-mixed-tasks.md",
        // A step under a quarter of the interval: every tick under the threshold.
        says: "a small part of the 2 s interval: the ticks are late by less than that, under the \
               threshold of a quarter of the interval, and the run says on time",
        holds: |r| {
            Ok(r.num("python-vs-rust: experiment=one_call language=rust", "wall_s")?
                < 0.5)
        },
    },
    Claim {
        page: "chapter-03-cpu-bound.md",
        says: "does the loop's work one call at a time, so it cannot beat the loop",
        holds: |r| {
            Ok(calls_3(r, "gil-model", "wall_s")? > 0.95 * calls_3(r, "loop", "wall_s")?)
        },
    },
    Claim {
        page: "chapter-03-cpu-bound.md",
        says: "kept up to every core busy (the verdict `parallel`)",
        holds: |r| {
            let verdict = |variant: &str| {
                r.text(
                    &format!("chapter-03-cpu-bound: experiment=calls variant={variant}"),
                    "verdict",
                )
            };
            let many_cores = calls_3(r, "loop", "cores")? > 1.0;
            Ok(!many_cores
                || (verdict("threads")? == "parallel" && verdict("tasks")? == "parallel"))
        },
    },
    Claim {
        page: "chapter-03-cpu-bound.md",
        says: "no worker looked at the timers until the queue of calls had drained",
        holds: |r| {
            Ok(calls_3(r, "tasks", "worst_lateness_s")?
                > 0.5 * calls_3(r, "tasks", "wall_s")?)
        },
    },
    Claim {
        page: "chapter-03-io-bound.md",
        says: "a factor of a few, not of hundreds",
        holds: |r| {
            let ratio = scale_3(r, "threads", "memory_each_bytes")?
                / scale_3(r, "tasks", "memory_each_bytes")?;
            Ok((1.5..50.0).contains(&ratio))
        },
    },
    Claim {
        page: "chapter-03-io-bound.md",
        says: "is that factor and the faster start-up",
        holds: |r| {
            Ok(scale_3(r, "tasks", "startup_s")? < scale_3(r, "threads", "startup_s")?)
        },
    },
    Claim {
        page: "chapter-04-parallelism.md",
        says: "A better algorithm beats more cores",
        holds: |r| {
            let speedup = |variant: &str| {
                chapter(
                    r,
                    "chapter-04-parallelism",
                    &format!("experiment=algorithm variant={variant}"),
                    "speedup",
                )
            };
            Ok(speedup("tree-1-core")? > speedup("loop-all-cores")?)
        },
    },
    Claim {
        page: "python-vs-rust.md",
        says: "Python's 20 threads keep about one core busy",
        holds: |r| {
            let cores = r.num(
                "python-vs-rust: experiment=threads language=python",
                "cores_used",
            )?;
            Ok(cores < 1.3)
        },
    },
];

fn committed() -> Records {
    Records::load(&workspace::root().join("book/results")).expect("the committed records")
}

/// Every claim is on its page and the committed records bear it out.
#[test]
fn every_measured_sentence_holds() {
    let broken = claims::broken(CLAIMS, &committed(), &workspace::book_src());
    assert!(
        broken.is_empty(),
        "sentences the data no longer supports:\n{}",
        broken.join("\n")
    );
}

/// A record edited to contradict a sentence makes the check fail, and the
/// failure names the sentence: here Rust's pool of 2 made as slow as
/// Python's.
#[test]
fn a_contradicting_record_names_its_sentence() {
    let mut records = committed();
    let python = records
        .num("python-vs-rust: experiment=pool language=python workers=2", "wall_s")
        .unwrap();
    records
        .set(
            "python-vs-rust: experiment=pool language=rust workers=2",
            "wall_s",
            python * 2.0,
        )
        .unwrap();
    let broken = claims::broken(CLAIMS, &records, &workspace::book_src());
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(
        broken[0].contains(
            "\"At every N, Rust's pool is faster, by a ratio near the loop's\""
        ) && broken[0].contains("the records contradict it"),
        "{}",
        broken[0]
    );
}
