//! The line protocol between the pool and its worker processes.
//!
//! `multiprocessing` pickles functions and arguments over pipes. Here the
//! worker already knows the function (it is this same program), so a call is
//! one line of text on the worker's stdin and its answer one line on its
//! stdout:
//!
//! ```text
//! worker -> pool   ready
//! pool -> worker   call 7 40000
//! worker -> pool   done 7 576193
//! ```
//!
//! Closing the worker's stdin tells it to exit.

use crate::call::{Call, Fingerprint};

// ANCHOR: protocol
/// The first line a worker prints, once it is ready for calls.
pub const READY: &str = "ready";

/// The line that asks a worker to run `call`.
pub fn request(call: Call) -> String {
    format!("call {} {}\n", call.id, call.limit)
}

/// The line a worker answers with.
pub fn answer(id: usize, fingerprint: Fingerprint) -> String {
    format!("done {id} {fingerprint}\n")
}
// ANCHOR_END: protocol

/// Reads a request line back into a call.
pub fn parse_request(line: &str) -> Result<Call, String> {
    match line.split_whitespace().collect::<Vec<_>>()[..] {
        ["call", id, limit] => Ok(Call { id: number(id)?, limit: number(limit)? }),
        _ => Err(format!("not a call: {line:?}")),
    }
}

/// Reads an answer line back into `(id, fingerprint)`.
pub fn parse_answer(line: &str) -> Result<(usize, Fingerprint), String> {
    match line.split_whitespace().collect::<Vec<_>>()[..] {
        ["done", id, fingerprint] => Ok((number(id)?, number(fingerprint)?)),
        _ => Err(format!("not an answer: {line:?}")),
    }
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("{text:?} is not a number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What one side writes, the other side reads back unchanged.
    #[test]
    fn requests_and_answers_round_trip() {
        let call = Call { id: 7, limit: 40_000 };
        assert_eq!(parse_request(&request(call)), Ok(call));
        assert_eq!(parse_answer(&answer(7, 576_193)), Ok((7, 576_193)));
    }

    /// Garbage is an error that quotes the line, not a panic.
    #[test]
    fn garbage_is_an_error() {
        assert!(parse_request("call seven 40000").unwrap_err().contains("not a number"));
        assert!(parse_request("hello").unwrap_err().contains("not a call"));
        assert!(parse_answer("done 1").unwrap_err().contains("not an answer"));
    }
}
