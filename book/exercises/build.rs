//! Finds the exercises: every folder `chapter-*/exercises/N.M-name/` with a
//! `judge.rs`. Writes two files into `OUT_DIR`: `registry.rs`, the judges
//! and the list the `exercises` command shows, and `cases.rs`, every answer
//! file of every exercise (its starter, its solution, its fixtures) with the
//! exercise's check, for the fixtures test. Nothing here is listed by hand.

use std::path::{Path, PathBuf};
use std::{env, fs};

/// One exercise folder: its number, its folder, its answer files.
struct Found {
    id: String,
    dir: PathBuf,
    answers: Vec<PathBuf>,
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../..").canonicalize().unwrap();
    let found = find(&root);
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("registry.rs"), registry(&root, &found)).unwrap();
    fs::write(out.join("cases.rs"), cases(&root, &found)).unwrap();
}

/// The exercise folders in the book's order (1.5 before 1.10), with cargo
/// told to look again when their judges, checks or fixtures change (a new
/// folder: `touch book/exercises/build.rs`).
fn find(root: &Path) -> Vec<Found> {
    let mut found = Vec::new();
    for chapter in sorted(root) {
        let exercises = chapter.join("exercises");
        let is_chapter = name(&chapter).starts_with("chapter-");
        if !is_chapter || !exercises.is_dir() {
            continue;
        }
        for dir in sorted(&exercises) {
            let judge = dir.join("judge.rs");
            if !judge.is_file() {
                continue;
            }
            // Not the starter: a learner's edit must not rebuild the judges.
            for file in ["judge.rs", "check.rs", "solution.rs", "fixtures"] {
                println!("cargo::rerun-if-changed={}", dir.join(file).display());
            }
            let id = name(&dir).split('-').next().unwrap().to_string();
            let mut answers = vec![dir.join("starter.rs"), dir.join("solution.rs")];
            answers.extend(
                sorted(&dir.join("fixtures")).into_iter().filter(|path| runs(path)),
            );
            found.push(Found { id, dir, answers });
        }
    }
    found.sort_by_key(|found| number(&found.id));
    found
}

/// Whether a fixture runs (one that must not build, or that the command
/// turns down before building, says `//! Not run:` and a reason).
fn runs(path: &Path) -> bool {
    let text = fs::read_to_string(path).unwrap_or_default();
    path.extension().is_some_and(|ext| ext == "rs") && !text.contains("\n//! Not run:")
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|entry| Some(entry.ok()?.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

fn name(path: &Path) -> &str {
    path.file_name().and_then(|name| name.to_str()).unwrap_or_default()
}

/// `2.10` as `(2, 10)`, so that it sorts after `2.9`.
fn number(id: &str) -> (u32, u32) {
    let (chapter, exercise) = id.split_once('.').expect("a folder named N.M-name");
    (chapter.parse().unwrap(), exercise.parse().unwrap())
}

fn module(id: &str) -> String {
    format!("ex_{}", id.replace('.', "_"))
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap().display().to_string()
}

fn registry(root: &Path, found: &[Found]) -> String {
    let mut modules = String::new();
    let mut list = String::from("pub static EXERCISES: &[Exercise] = &[\n");
    for Found { id, dir, .. } in found {
        let module = module(id);
        modules.push_str(&format!(
            "#[path = {:?}]\nmod {module};\n",
            dir.join("judge.rs").display().to_string()
        ));
        list.push_str(&format!(
            "    Exercise {{ id: {id:?}, dir: {:?}, measures: {module}::MEASURES, \
             hints: {module}::HINTS, judge: {module}::judge }},\n",
            relative(root, dir)
        ));
    }
    list.push_str("];\n");
    modules + &list
}

fn cases(root: &Path, found: &[Found]) -> String {
    let mut modules = String::new();
    let mut list = String::from("static CASES: &[Case] = &[\n");
    let mut index = 0;
    for Found { id, dir, answers } in found {
        for answer in answers {
            modules.push_str(&format!(
                "#[allow(unreachable_pub, dead_code)]\nmod case_{index} {{\n    \
                 #[path = {:?}]\n    mod check;\n    #[path = {:?}]\n    mod answer;\n    \
                 pub(crate) use check::measure;\n}}\n",
                dir.join("check.rs").display().to_string(),
                answer.display().to_string(),
            ));
            list.push_str(&format!(
                "    Case {{ id: {id:?}, file: {:?}, measure: case_{index}::measure }},\n",
                relative(root, answer)
            ));
            index += 1;
        }
    }
    list.push_str("];\n");
    modules + &list
}
