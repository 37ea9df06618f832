//! Why one side of an experiment gave no measurement.

use std::fmt;

/// A side of an experiment that did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Ctrl-C stopped it.
    Stopped,
    /// It failed; the message says how, in one line.
    Error(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Stopped => write!(f, "stopped by Ctrl-C"),
            Failure::Error(message) => f.write_str(message),
        }
    }
}
