//! The echo as `async fn` on the chapter's loop: the same waits as the
//! callback version, written as straight-line code with `.await`.

use std::io;
use std::net::SocketAddr;

use super::common::{Echoed, loopback};
use crate::callback_loop::EventLoop;
use crate::net::{LoopListener, LoopStream};

// ANCHOR: serve_one
/// Accepts one connection and sends back everything it reads, until the
/// client closes it.
async fn serve_one(listener: LoopListener) -> io::Result<()> {
    let mut connection = listener.accept().await?;
    let mut buffer = [0; 1024];
    loop {
        let read = connection.read(&mut buffer).await?;
        if read == 0 {
            return Ok(()); // the client closed its end
        }
        connection.write_all(&buffer[..read])?;
    }
}

/// Sends each message and waits for it to come back.
async fn talk(address: SocketAddr, messages: Vec<String>) -> io::Result<Vec<String>> {
    let mut stream = LoopStream::connect(address)?;
    let mut replies = Vec::new();
    for message in messages {
        stream.write_all(message.as_bytes())?;
        let mut reply = vec![0; message.len()];
        stream.read_exact(&mut reply).await?;
        replies.push(String::from_utf8_lossy(&reply).into_owned());
    }
    Ok(replies)
}
// ANCHOR_END: serve_one

// ANCHOR: run
/// Runs server and client as two tasks of one loop.
pub fn run(messages: &[String]) -> io::Result<Echoed> {
    let mut event_loop = EventLoop::new();
    let listener = LoopListener::bind(loopback())?;
    let address = listener.local_addr()?;
    event_loop.spawn(async move {
        if let Err(err) = serve_one(listener).await {
            eprintln!("warning: echo server: {err}");
        }
    });
    let client = talk(address, messages.to_vec());
    let replies =
        event_loop.run_until_complete(client).expect("only the client stops")?;
    Ok(Echoed { address, replies })
}
// ANCHOR_END: run
