//! The line protocol between the pool and its worker processes.
//!
//! `multiprocessing` pickles functions and arguments over pipes. Here the
//! worker already knows the function (it is this same program), so a call is
//! one line of text on the worker's stdin, every parameter in it, and its
//! answer one line on its stdout:
//!
//! ```text
//! worker -> pool   ready
//! pool -> worker   call 7 40000 loop
//! worker -> pool   done 7 576193
//! pool -> worker   call 8 40000 fast
//! worker -> pool   refused unknown algorithm "fast" (known: loop, ...)
//! ```
//!
//! Closing the worker's stdin tells it to exit.

use crate::call::{Call, Fingerprint};

// ANCHOR: protocol
/// The first line a worker prints, once it is ready for calls.
pub const READY: &str = "ready";

/// The line that asks a worker to run `call`: every parameter travels.
pub fn request(call: Call) -> String {
    let Call { id, limit, algorithm } = call;
    format!("call {id} {limit} {}\n", algorithm.name())
}

/// The line a worker answers a call with.
pub fn answer(id: usize, fingerprint: Fingerprint) -> String {
    format!("done {id} {fingerprint}\n")
}

/// The line a worker answers a request it cannot compute with.
pub fn refusal(reason: &str) -> String {
    format!("refused {}\n", reason.replace('\n', " "))
}
// ANCHOR_END: protocol

/// What a worker says back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The call `id` is done: its fingerprint.
    Done(usize, Fingerprint),
    /// A request the worker could not compute, and why.
    Refused(String),
}

/// Reads a request line back into a call, or says why it is not one.
pub fn parse_request(line: &str) -> Result<Call, String> {
    match line.split_whitespace().collect::<Vec<_>>()[..] {
        ["call", id, limit, algorithm] => Ok(Call {
            id: number(id)?,
            limit: number(limit)?,
            algorithm: algorithm.parse()?,
        }),
        _ => Err(format!("not a call: {line:?}")),
    }
}

/// Reads an answer line back into a reply.
pub fn parse_answer(line: &str) -> Result<Reply, String> {
    if let Some(reason) = line.strip_prefix("refused ") {
        return Ok(Reply::Refused(reason.to_string()));
    }
    match line.split_whitespace().collect::<Vec<_>>()[..] {
        ["done", id, fingerprint] => Ok(Reply::Done(number(id)?, number(fingerprint)?)),
        _ => Err(format!("not an answer: {line:?}")),
    }
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("{text:?} is not a number"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algorithm::Algorithm;

    /// What one side writes, the other side reads back unchanged, the
    /// algorithm included.
    #[test]
    fn requests_and_answers_round_trip() {
        for algorithm in Algorithm::ALL {
            let call = Call { id: 7, limit: 40_000, algorithm };
            assert_eq!(parse_request(&request(call)), Ok(call));
        }
        assert_eq!(request(Call::batch(1, 9, Algorithm::Tree)[0]), "call 0 9 tree\n");
        assert_eq!(parse_answer(&answer(7, 576_193)), Ok(Reply::Done(7, 576_193)));
        let refused = parse_answer(refusal("no\nway").trim_end());
        assert_eq!(refused, Ok(Reply::Refused("no way".into())));
    }

    /// Garbage is an error that quotes the line, not a panic; an unknown
    /// algorithm is named, with the known ones.
    #[test]
    fn garbage_is_an_error() {
        let unknown = parse_request("call 1 40000 fast").unwrap_err();
        assert_eq!(
            unknown,
            "unknown algorithm \"fast\" (known: loop, tree, parallel-tree)"
        );
        assert!(
            parse_request("call seven 40000 loop").unwrap_err().contains("not a number")
        );
        assert!(parse_request("call 1 40000").unwrap_err().contains("not a call"));
        assert!(parse_request("hello").unwrap_err().contains("not a call"));
        assert!(parse_answer("done 1").unwrap_err().contains("not an answer"));
    }
}
