//! Cancel safety: what a `select!` loop loses when the other branch wins.
//!
//! Each time round a `select!` loop, the branches that lost are dropped.
//! A future that had already done part of its work loses that part: for
//! `read_exact`, the bytes it had read into its buffer. tokio documents,
//! method by method, which ones are cancel safe (nothing lost if dropped):
//! `read` and `read_buf` are, `read_exact` is not.
//!
//! Here a writer sends fixed-size messages in two halves with a pause
//! between them, and a reader waits for them in a `select!` loop beside a
//! short timer, as a loop that also watches for a shutdown would.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::time::sleep;

/// The size of one message, in bytes.
pub const FRAME: usize = 32;

/// Message `n`: `msg 000042` and dots up to [`FRAME`] bytes, then a newline.
pub fn message(n: usize) -> [u8; FRAME] {
    let mut frame = [b'.'; FRAME];
    let head = format!("msg {n:06}");
    frame[..head.len()].copy_from_slice(head.as_bytes());
    frame[FRAME - 1] = b'\n';
    frame
}

/// Sends `count` messages, each in two halves `pause` apart, then closes.
pub async fn send(mut pipe: DuplexStream, count: usize, pause: Duration) {
    for n in 0..count {
        let frame = message(n);
        let (first, second) = frame.split_at(FRAME / 2);
        if pipe.write_all(first).await.is_err() {
            return;
        }
        sleep(pause).await;
        if pipe.write_all(second).await.is_err() {
            return;
        }
    }
}

// ANCHOR: read_exact
/// Reads messages with `read_exact` inside the loop, beside a timer of
/// `tick`. Not cancel safe: when the timer wins, the half message already
/// read is dropped with its buffer, and every message after is misaligned.
pub async fn read_exact_in_select(
    mut pipe: DuplexStream,
    tick: Duration,
) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    loop {
        let mut frame = [0u8; FRAME]; // a fresh buffer, dropped with the future
        tokio::select! {
            read = pipe.read_exact(&mut frame) => match read {
                Ok(_) => messages.push(frame.to_vec()),
                Err(_) => return messages, // the writer closed the pipe
            },
            () = sleep(tick) => {} // a shutdown check would go here
        }
    }
}
// ANCHOR_END: read_exact

// ANCHOR: buffered
/// The same loop with `read_buf` into a buffer kept outside it. Cancel
/// safe: a `read_buf` that loses the race has read nothing, and the bytes
/// of earlier rounds wait in `buffer` until a whole message is there.
pub async fn buffered_in_select(mut pipe: DuplexStream, tick: Duration) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut buffer = Vec::with_capacity(4 * FRAME); // survives every round
    loop {
        tokio::select! {
            read = pipe.read_buf(&mut buffer) => match read {
                Ok(0) | Err(_) => return messages,
                Ok(_) => {
                    while buffer.len() >= FRAME {
                        messages.push(buffer.drain(..FRAME).collect());
                    }
                }
            },
            () = sleep(tick) => {}
        }
    }
}
// ANCHOR_END: buffered

/// How many of messages `0..count` arrived whole, each once: a message
/// read misaligned, or never read, is lost.
pub fn arrived_whole(messages: &[Vec<u8>], count: usize) -> usize {
    let mut seen = vec![false; count];
    for frame in messages {
        let number = std::str::from_utf8(&frame[4..10]).ok();
        let number = number.and_then(|text| text.parse::<usize>().ok());
        if let Some(n) = number.filter(|&n| n < count && frame[..] == message(n)[..]) {
            seen[n] = true;
        }
    }
    seen.iter().filter(|&&s| s).count()
}
