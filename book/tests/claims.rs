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
