//! Finds the exercises: every folder `chapter-*/exercises/N.M-name/` with a
//! `judge.rs`. Writes two files into `OUT_DIR`: `registry.rs`, the judges
//! and the list the `exercises` command shows, and `cases.rs`, every answer
//! file of every exercise (its starter, its solution, its fixtures) with the
//! exercise's check, for the fixtures test. Nothing here is listed by hand.

use std::path::{Path, PathBuf};
use std::{env, fs};

/// One exercise folder: its number, its folder, its fixtures.
struct Found {
    id: String,
    dir: PathBuf,
    fixtures: Vec<PathBuf>,
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
    let chapters =
        sorted(root).into_iter().filter(|dir| name(dir).starts_with("chapter-"));
    for chapter in chapters {
        for dir in sorted(&chapter.join("exercises")) {
            if !dir.join("judge.rs").is_file() {
                continue;
            }
            // Not the starter: a learner's edit must not rebuild the judges.
            for file in ["judge.rs", "check.rs", "solution.rs", "fixtures"] {
                println!("cargo::rerun-if-changed={}", dir.join(file).display());
            }
            let id = name(&dir).split('-').next().unwrap().to_string();
            let fixtures = sorted(&dir.join("fixtures"));
            let fixtures = fixtures
                .into_iter()
                .filter(|path| path.extension() == Some("rs".as_ref()));
            found.push(Found { id, dir, fixtures: fixtures.collect() });
        }
    }
    found.sort_by_key(|found| number(&found.id));
    found
}

/// Whether an answer file runs in the fixtures test (a fixture that must
/// not build, or that the command turns down, says `//! Not run:` and why).
fn runs(path: &Path) -> bool {
    !fs::read_to_string(path).unwrap_or_default().contains("\n//! Not run:")
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

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap().display().to_string()
}

fn registry(root: &Path, found: &[Found]) -> String {
    let mut modules = String::new();
    let mut list = String::from("pub static EXERCISES: &[Exercise] = &[\n");
    for Found { id, dir, fixtures } in found {
        let module = format!("ex_{}", id.replace('.', "_"));
        modules.push_str(&format!(
            "#[path = {:?}]\nmod {module};\n",
            dir.join("judge.rs").display().to_string()
        ));
        let fixtures: Vec<String> = fixtures.iter().map(|f| relative(root, f)).collect();
        list.push_str(&format!(
            "    Exercise {{ id: {id:?}, dir: {:?}, fixtures: &{fixtures:?}, \
             measures: {module}::MEASURES, hints: {module}::HINTS, judge: {module}::judge }},\n",
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
    for Found { id, dir, fixtures } in found {
        let answers = [dir.join("starter.rs"), dir.join("solution.rs")];
        for answer in answers.iter().chain(fixtures).filter(|path| runs(path)) {
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
