//! One client's request, two ways: blocking `std::net` (the thread sleeps in
//! the kernel until bytes arrive) and tokio's `TcpStream` (the task returns
//! `Pending`, and the loop runs other tasks until the socket is ready).
//! Both check that the service sent back exactly the bytes they sent.

use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// No request may take longer than this: every wait here is bounded.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// What client `client` sends, and expects back.
pub fn request_line(client: usize) -> String {
    format!("call {client}\n")
}

fn check_echo(client: usize, answer: &[u8]) -> io::Result<()> {
    if answer == request_line(client).as_bytes() {
        return Ok(());
    }
    let what = if answer.is_empty() { "nothing" } else { "other bytes" };
    Err(io::Error::other(format!("the service sent back {what}")))
}

// ANCHOR: blocking
/// Connects, blocking this thread until the handshake is done.
pub fn connect(addr: SocketAddr) -> io::Result<TcpStream> {
    TcpStream::connect_timeout(&addr, TIMEOUT)
}

/// Sends one request and blocks until the whole answer is back.
pub fn request(mut stream: TcpStream, client: usize) -> io::Result<()> {
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.write_all(request_line(client).as_bytes())?;
    let mut answer = Vec::new();
    stream.take(64).read_to_end(&mut answer)?;
    check_echo(client, &answer)
}
// ANCHOR_END: blocking

/// Connects from `source` (a port of its own there), blocking: the scale-up
/// spreads its clients over several source addresses.
pub fn connect_from(addr: SocketAddr, source: IpAddr) -> io::Result<TcpStream> {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket =
        Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    socket.bind(&SocketAddr::new(source, 0).into())?;
    socket.connect_timeout(&addr.into(), TIMEOUT)?;
    Ok(socket.into())
}

/// Connects from `source`, async.
pub async fn connect_async_from(
    addr: SocketAddr,
    source: IpAddr,
) -> io::Result<tokio::net::TcpStream> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(source, 0))?;
    bounded(socket.connect(addr)).await
}

// ANCHOR: async
/// Connects; while the handshake is in flight the task yields its thread.
pub async fn connect_async(addr: SocketAddr) -> io::Result<tokio::net::TcpStream> {
    bounded(tokio::net::TcpStream::connect(addr)).await
}

/// Sends one request and waits for the answer without holding a thread.
pub async fn request_async(
    mut stream: tokio::net::TcpStream,
    client: usize,
) -> io::Result<()> {
    bounded(stream.write_all(request_line(client).as_bytes())).await?;
    let mut answer = Vec::new();
    bounded((&mut stream).take(64).read_to_end(&mut answer)).await?;
    check_echo(client, &answer)
}
// ANCHOR_END: async

async fn bounded<T>(work: impl Future<Output = io::Result<T>>) -> io::Result<T> {
    match tokio::time::timeout(TIMEOUT, work).await {
        Ok(done) => done,
        Err(_) => Err(io::Error::new(io::ErrorKind::TimedOut, "no answer in 30 s")),
    }
}

/// An error as a short phrase: `connection reset by peer`.
pub fn phrase(err: &io::Error) -> String {
    let text = err.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The echo must be the request, byte for byte.
    #[test]
    fn checks_the_echo() {
        assert!(check_echo(3, b"call 3\n").is_ok());
        assert!(check_echo(3, b"call 4\n").is_err());
        assert_eq!(
            phrase(&check_echo(3, b"").unwrap_err()),
            "the service sent back nothing"
        );
    }

    /// A client bound to 127.0.0.2 or 127.0.0.3 reaches a listener on
    /// 127.0.0.1 from that address: Linux routes all of 127.0.0.0/8 to
    /// loopback, each address with its own ephemeral ports.
    #[test]
    fn connects_from_other_loopback_addresses() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        for last in [2, 3] {
            let source = IpAddr::from([127, 0, 0, last]);
            let stream = connect_from(addr, source).unwrap();
            let (_, peer) = listener.accept().unwrap();
            assert_eq!(peer.ip(), source);
            assert_eq!(stream.local_addr().unwrap().ip(), source);
        }
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
        let source = IpAddr::from([127, 0, 0, 4]);
        let stream = runtime.unwrap().block_on(connect_async_from(addr, source)).unwrap();
        assert_eq!(stream.local_addr().unwrap().ip(), source);
    }

    /// OS error texts lose their number and capital.
    #[test]
    fn phrases_os_errors() {
        let reset = io::Error::from_raw_os_error(104);
        assert_eq!(phrase(&reset), "connection reset by peer");
    }
}
