//! Writes what the answer's program compiles: the check in the file
//! `COURSE_CHECK` and the answer in the file `COURSE_ANSWER`, both set by
//! the `exercises` command. Unset (`cargo build --workspace`), the program
//! has no answer and measures nothing, but every crate an answer may use
//! is built, so that a learner's first check builds only their file.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-env-changed=COURSE_CHECK");
    println!("cargo::rerun-if-env-changed=COURSE_ANSWER");
    let program = match (env::var("COURSE_CHECK"), env::var("COURSE_ANSWER")) {
        (Ok(check), Ok(answer)) => format!(
            "#[path = {check:?}]\nmod check;\n\
             #[allow(unreachable_pub, dead_code)]\n#[path = {answer:?}]\nmod answer;\n"
        ),
        _ => "mod check {\n    pub(crate) fn measure(_: &course_exercises::probe::Probe) {}\n}\n"
            .to_string(),
    };
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("program.rs"), program).unwrap();
}
