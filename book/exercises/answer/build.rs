//! Chooses what the answer's program compiles: the check of exercise
//! `COURSE_EXERCISE` (`2.1`; 1.1 when unset), and the answer in the file
//! `COURSE_ANSWER` (the exercise's `starter.rs`, the learner's file, when
//! unset). The `exercises` command sets both.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-env-changed=COURSE_EXERCISE");
    println!("cargo::rerun-if-env-changed=COURSE_ANSWER");
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../../..").canonicalize().unwrap();
    let id = env::var("COURSE_EXERCISE").unwrap_or_else(|_| "1.1".to_string());
    let dir = exercise_dir(&root, &id)
        .unwrap_or_else(|| panic!("no exercise folder chapter-*/exercises/{id}-*"));
    let answer = env::var("COURSE_ANSWER")
        .map(PathBuf::from)
        .unwrap_or_else(|_| dir.join("starter.rs"));
    let program = format!(
        "#[path = {:?}]\nmod check;\n#[allow(unreachable_pub, dead_code)]\n#[path = {:?}]\nmod answer;\n",
        dir.join("check.rs").display().to_string(),
        answer.display().to_string()
    );
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("program.rs"), program).unwrap();
}

/// The folder `chapter-*/exercises/<id>-*`.
fn exercise_dir(root: &std::path::Path, id: &str) -> Option<PathBuf> {
    let prefix = format!("{id}-");
    for chapter in fs::read_dir(root).ok()?.flatten() {
        let Ok(exercises) = fs::read_dir(chapter.path().join("exercises")) else {
            continue;
        };
        for dir in exercises.flatten() {
            if dir.file_name().to_string_lossy().starts_with(&prefix) {
                return Some(dir.path());
            }
        }
    }
    None
}
