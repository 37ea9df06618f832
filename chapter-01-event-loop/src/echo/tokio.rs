//! The echo on tokio: the same `async fn` shape as on the chapter's loop,
//! with tokio's sockets, whose I/O driver sits on mio as ours does.

use std::io;
use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::common::{Echoed, loopback};

// ANCHOR: serve_one
/// Accepts one connection and sends back everything it reads.
async fn serve_one(listener: TcpListener) -> io::Result<()> {
    let (mut connection, _peer) = listener.accept().await?;
    let mut buffer = [0; 1024];
    loop {
        let read = connection.read(&mut buffer).await?;
        if read == 0 {
            return Ok(());
        }
        connection.write_all(&buffer[..read]).await?;
    }
}
// ANCHOR_END: serve_one

/// Sends each message and waits for it to come back.
async fn talk(address: SocketAddr, messages: &[String]) -> io::Result<Vec<String>> {
    let mut stream = TcpStream::connect(address).await?;
    let mut replies = Vec::new();
    for message in messages {
        stream.write_all(message.as_bytes()).await?;
        let mut reply = vec![0; message.len()];
        stream.read_exact(&mut reply).await?;
        replies.push(String::from_utf8_lossy(&reply).into_owned());
    }
    Ok(replies)
}

/// Runs server and client as two tasks of one current-thread runtime.
pub fn run(messages: &[String]) -> io::Result<Echoed> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
    runtime.block_on(async {
        let listener = TcpListener::bind(loopback()).await?;
        let address = listener.local_addr()?;
        let server = tokio::spawn(serve_one(listener));
        let replies = talk(address, messages).await?;
        // The client's socket is closed: the server reads 0 bytes and ends.
        server.await.map_err(io::Error::other)??;
        Ok(Echoed { address, replies })
    })
}
