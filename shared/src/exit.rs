//! How every chapter's program ends: one error type, one set of exit codes.
//!
//! | exit code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | the run failed ([`Error::Failed`]) |
//! | 2 | bad input, an unwritable output path included ([`Error::BadInput`]) |
//! | 130 | stopped by Ctrl-C ([`crate::shutdown::EXIT_INTERRUPTED`]) |
//!
//! Each chapter's `run` returns `Result<(), Error>` and its `main.rs` ends
//! with [`exit`], so the four programs end the same way.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::record::JsonLines;
use crate::shutdown::{EXIT_INTERRUPTED, Shutdown};

/// Exit code of a run that failed (a request, a worker, a file written late).
pub const EXIT_FAILED: i32 = 1;
/// Exit code of bad input: a flag clap could not check, an unwritable path.
pub const EXIT_BAD_INPUT: i32 = 2;

/// Why a chapter's run did not finish well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input cannot work: a bad combination of flags, an output path
    /// that cannot be written. Exit code 2.
    BadInput(String),
    /// The run started and something in it failed. Exit code 1.
    Failed(String),
}

impl Error {
    /// The process exit code that says what went wrong.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::BadInput(_) => EXIT_BAD_INPUT,
            Error::Failed(_) => EXIT_FAILED,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadInput(message) | Error::Failed(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

/// Ends the program: 130 if Ctrl-C stopped it, else one `error:` line on
/// stderr and the error's exit code, else 0.
pub fn exit(outcome: Result<(), Error>, shutdown: &Shutdown) -> ! {
    if shutdown.is_requested() {
        std::process::exit(EXIT_INTERRUPTED);
    }
    match outcome {
        Ok(()) => std::process::exit(0),
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(err.exit_code());
        }
    }
}

/// `--json PATH`: the file, created before the run so that a path that
/// cannot be written is bad input, found at once.
pub fn json_file(path: &Path) -> Result<JsonLines, Error> {
    JsonLines::create(path).map_err(Error::BadInput)
}

/// `--pictures DIR`: the folder, created if missing (with its parents), so
/// that a folder that cannot be made is bad input, found before the run.
pub fn pictures_dir(dir: &Path) -> Result<PathBuf, Error> {
    match fs::create_dir_all(dir) {
        Ok(()) if dir.is_dir() => Ok(dir.to_path_buf()),
        Ok(()) => Err(Error::BadInput(format!(
            "cannot write into {}: not a folder",
            dir.display()
        ))),
        Err(err) => {
            Err(Error::BadInput(format!("cannot write into {}: {err}", dir.display())))
        }
    }
}

/// Writes one picture, `svg`, as `name` in the `--pictures` folder (which
/// [`pictures_dir`] checked before the run: a failure now is a failed run).
pub fn write_picture(dir: &Path, name: &str, svg: &str) -> Result<(), Error> {
    let path = dir.join(name);
    fs::write(&path, svg)
        .map_err(|err| Error::Failed(crate::cli::cannot_write(&path, err)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of failure has its own exit code, and prints its message alone.
    #[test]
    fn errors_carry_their_exit_codes() {
        assert_eq!(Error::BadInput("x".into()).exit_code(), 2);
        assert_eq!(Error::Failed("y".into()).exit_code(), 1);
        assert_eq!(Error::Failed("no answer".into()).to_string(), "no answer");
    }

    /// A missing pictures folder is created; one under /proc cannot be.
    #[test]
    fn pictures_dir_is_created_or_refused() {
        let root = std::env::temp_dir().join(format!("pictures-{}", std::process::id()));
        let nested = root.join("a/b");
        assert_eq!(pictures_dir(&nested).unwrap(), nested);
        assert!(nested.is_dir());
        fs::remove_dir_all(&root).unwrap();
        let refused = pictures_dir(Path::new("/proc/nope")).unwrap_err();
        assert_eq!(refused.exit_code(), EXIT_BAD_INPUT);
        assert!(
            refused.to_string().starts_with("cannot write into /proc/nope"),
            "{refused}"
        );
    }

    /// An unwritable JSON path is bad input, not a failed run.
    #[test]
    fn unwritable_json_is_bad_input() {
        let refused = json_file(Path::new("/proc/nope/x.jsonl")).unwrap_err();
        assert_eq!(refused.exit_code(), EXIT_BAD_INPUT);
    }
}
