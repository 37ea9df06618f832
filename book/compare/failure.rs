//! Why one side of an experiment gave no measurement.

/// A side of an experiment that did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Ctrl-C stopped it.
    Stopped,
    /// It failed; the message says how, in one line.
    Error(String),
}
