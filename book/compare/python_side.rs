//! The Python side of each experiment: the programs in `book/python/`, run
//! by the `python3` the reader names, their JSON lines read back.

use std::io::ErrorKind;
use std::path::PathBuf;
use std::process::Command;

use shared::record::Record;
use shared::shutdown::Shutdown;

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
        let output = Command::new(&self.program)
            .arg(self.scripts.join(script))
            .args(plan.python_args(experiment))
            .output()
            .map_err(|err| {
                Failure::Error(format!("cannot run {} {script}: {err}", self.program))
            })?;
        // A terminal's Ctrl-C reaches the Python process too, which stops with a traceback.
        if stop.is_requested() {
            return Err(Failure::Stopped);
        }
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last = stderr
                .lines()
                .rev()
                .find(|line| !line.trim().is_empty())
                .unwrap_or("no message");
            return Err(Failure::Error(format!(
                "{script} failed ({}): {last}",
                output.status
            )));
        }
        let records = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|line| {
                Record::from_json_line(line)
                    .map_err(|err| Failure::Error(format!("{script}: {err}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if records.is_empty() {
            return Err(Failure::Error(format!("{script} printed no measurement")));
        }
        Ok(records)
    }
}
