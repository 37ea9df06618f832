//! Sockets for tasks on the loop: try the non-blocking call, and when the
//! OS says `WouldBlock`, await [`readable`] and try again.
//!
//! This is the whole trick of async I/O on a readiness API (epoll, kqueue):
//! tokio's `TcpStream::read` does the same through its I/O driver.

use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::os::fd::AsRawFd;

use crate::loop_futures::readable;

/// A TCP listener whose `accept` can be awaited on the loop.
#[derive(Debug)]
pub struct LoopListener(mio::net::TcpListener);

/// A TCP stream whose `read` can be awaited on the loop.
#[derive(Debug)]
pub struct LoopStream(mio::net::TcpStream);

impl LoopListener {
    /// Binds a non-blocking listener (port 0: the OS picks one).
    pub fn bind(address: SocketAddr) -> io::Result<Self> {
        mio::net::TcpListener::bind(address).map(LoopListener)
    }

    /// The address the listener got, with its port.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }

    /// Waits for the next connection.
    pub async fn accept(&self) -> io::Result<LoopStream> {
        loop {
            match self.0.accept() {
                Ok((stream, _peer)) => return Ok(LoopStream(stream)),
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                    readable(self.0.as_raw_fd()).await
                }
                Err(err) => return Err(err),
            }
        }
    }
}

// ANCHOR: read
impl LoopStream {
    /// Reads what has arrived, waiting on the loop until something has.
    pub async fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        loop {
            match self.0.read(buffer) {
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                    readable(self.0.as_raw_fd()).await // the loop runs others
                }
                result => return result,
            }
        }
    }
    // ANCHOR_END: read

    /// Connects to `address`. On loopback the kernel completes the handshake
    /// at once, so a blocking connect is fine; the stream is then made
    /// non-blocking.
    pub fn connect(address: SocketAddr) -> io::Result<Self> {
        let stream = std::net::TcpStream::connect(address)?;
        stream.set_nonblocking(true)?;
        Ok(LoopStream(mio::net::TcpStream::from_std(stream)))
    }

    /// Writes all of `bytes`. A few bytes always fit in the socket's send
    /// buffer; a program that sends more would wait with `add_writer`, which
    /// this chapter leaves out, so a full buffer is reported as an error.
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }

    /// Reads until `buffer` is full (TCP may deliver a message in pieces).
    pub async fn read_exact(&mut self, buffer: &mut [u8]) -> io::Result<()> {
        let mut filled = 0;
        while filled < buffer.len() {
            match self.read(&mut buffer[filled..]).await? {
                0 => return Err(io::ErrorKind::UnexpectedEof.into()),
                n => filled += n,
            }
        }
        Ok(())
    }
}
