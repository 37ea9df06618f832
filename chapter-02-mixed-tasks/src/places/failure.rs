//! Why a step at a place gave no result: it panicked, or its place went away.

use std::any::Any;
use std::fmt;

/// Why a step gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The step panicked, with this message.
    Panicked(String),
    /// The place went away before it answered.
    Lost(&'static str),
}

impl Failure {
    /// A panic's payload as a failure: its message when it has one.
    pub fn panicked(payload: Box<dyn Any + Send>) -> Failure {
        let message = match payload.downcast::<String>() {
            Ok(message) => *message,
            Err(payload) => payload
                .downcast::<&str>()
                .map_or_else(|_| "a panic".to_string(), |message| message.to_string()),
        };
        Failure::Panicked(message)
    }

    /// A tokio task that ended without its value: it panicked or was cancelled.
    pub fn from_join(err: tokio::task::JoinError) -> Failure {
        match err.try_into_panic() {
            Ok(payload) => Failure::panicked(payload),
            Err(_) => Failure::Lost("the task was cancelled"),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Panicked(message) => write!(f, "the step panicked: {message}"),
            Failure::Lost(what) => write!(f, "no answer: {what}"),
        }
    }
}
