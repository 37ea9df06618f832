//! The Python side of each experiment: the programs in `book/python/`, run
//! by the `python3` the reader names, their JSON lines read back.

use std::io::ErrorKind;
use std::path::PathBuf;
use std::process::Command;

use shared::record::Record;
use shared::shutdown::Shutdown;

use crate::child;
use crate::experiment::{self, Experiment, Plan};
use crate::failure::Failure;

/// A Python 3 interpreter that answered, and the folder of the course's programs.
#[derive(Debug, Clone)]
pub(crate) struct Python {
    /// The interpreter, as given (`python3`, or a path).
    pub(crate) program: String,
    /// Its version, e.g. `3.11.7`.
    pub(crate) version: String,
    /// `book/python/`.
    pub(crate) scripts: PathBuf,
}

/// Asks for Python's version: the cheapest way to know it runs.
const VERSION_SCRIPT: &str = "import sys; print(sys.version.split()[0])";

impl Python {
    /// Finds the interpreter `program`, or says in one line why it cannot be used.
    pub(crate) fn find(program: &str) -> Result<Python, String> {
        let output = Command::new(program)
            .args(["-c", VERSION_SCRIPT])
            .output()
            .map_err(|err| match err.kind() {
                ErrorKind::NotFound if program.contains('/') => {
                    format!("no Python at {program}")
                }
                ErrorKind::NotFound => format!("no `{program}` on the PATH"),
                _ => format!("cannot run {program}: {err}"),
            })?;
        let version = String::from_utf8_lossy(&output.stdout).trim().to_string();
        if !output.status.success() || version.is_empty() {
            return Err(format!(
                "{program} did not answer with its version ({})",
                output.status
            ));
        }
        if !version.starts_with("3.") {
            return Err(format!(
                "{program} is Python {version}; the course's programs need Python 3"
            ));
        }
        let scripts = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("python");
        if !scripts.join("workload.py").is_file() {
            return Err(format!("the Python programs are not in {}", scripts.display()));
        }
        Ok(Python { program: program.to_string(), version, scripts })
    }

    /// Runs the experiment's program and reads its measurements.
    pub(crate) fn run(
        &self,
        experiment: Experiment,
        plan: &Plan,
        stop: &Shutdown,
    ) -> Result<Vec<Record>, Failure> {
        let script = experiment::script(experiment);
        let mut command = Command::new(&self.program);
        command.arg(self.scripts.join(script)).args(plan.python_args(experiment));
        let what = format!("{} {script}", self.program);
        // Its stderr repeats each record in words: the commentary says them.
        let (records, _) = child::records_of(&mut command, &what, stop)?;
        if records.is_empty() {
            return Err(Failure::Error(format!("{what} printed no measurement")));
        }
        Ok(records)
    }
}
