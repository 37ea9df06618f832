//! The echo with `add_reader` callbacks: each socket gets a callback that
//! the loop runs when the OS says the socket became readable. State that
//! must survive between two callbacks lives in `Rc<RefCell<..>>`.

use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::rc::Rc;

use mio::net::{TcpListener, TcpStream};

use super::common::{Echoed, loopback};
use crate::callback_loop::EventLoop;

// ANCHOR: serve
/// Watches the listener: each connection it accepts gets its own reader.
fn serve(event_loop: &mut EventLoop, listener: TcpListener) -> io::Result<()> {
    let fd = listener.as_raw_fd();
    event_loop.add_reader(fd, move |event_loop| {
        // mio reports edges: accept until the OS says there is no more.
        while let Ok((connection, _peer)) = listener.accept() {
            if let Err(err) = echo_back(event_loop, connection) {
                eprintln!("warning: echo server: {err}");
            }
        }
    })
}

/// Sends back whatever arrives on `connection`, until the client closes it.
fn echo_back(event_loop: &mut EventLoop, connection: TcpStream) -> io::Result<()> {
    let fd = connection.as_raw_fd();
    let connection = RefCell::new(connection);
    event_loop.add_reader(fd, move |event_loop| {
        let mut connection = connection.borrow_mut();
        let mut buffer = [0; 1024];
        loop {
            match connection.read(&mut buffer) {
                Ok(0) => break, // the client closed its end
                Ok(read) if connection.write_all(&buffer[..read]).is_ok() => {}
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => return,
                _ => break, // an error: give up on this connection
            }
        }
        // Dropping the reader drops this callback and closes the socket.
        event_loop.remove_reader(fd);
    })
}
// ANCHOR_END: serve

/// The client's state between two callbacks.
struct Client {
    stream: TcpStream,
    /// Messages not yet sent back, the current one first.
    to_send: Vec<String>,
    /// Bytes of the current reply received so far.
    received: Vec<u8>,
    replies: Vec<String>,
    error: Option<io::Error>,
}

// ANCHOR: on_reply
/// Reads what came back; a complete reply sends the next message, and the
/// last one stops the loop.
fn on_reply(event_loop: &mut EventLoop, client: &mut Client) {
    let mut buffer = [0; 1024];
    loop {
        match client.stream.read(&mut buffer) {
            Ok(0) => client.error = Some(io::ErrorKind::UnexpectedEof.into()),
            Ok(read) => {
                client.received.extend_from_slice(&buffer[..read]);
                continue;
            }
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {}
            Err(err) => client.error = Some(err),
        }
        break;
    }
    while let Some(length) = client.to_send.first().map(String::len) {
        if client.received.len() < length {
            break; // the rest of this reply is still on its way
        }
        let reply: Vec<u8> = client.received.drain(..length).collect();
        client.replies.push(String::from_utf8_lossy(&reply).into_owned());
        client.to_send.remove(0);
        match client.to_send.first() {
            Some(next) => {
                if let Err(err) = client.stream.write_all(next.as_bytes()) {
                    client.error = Some(err);
                }
            }
            None => break,
        }
    }
    if client.to_send.is_empty() || client.error.is_some() {
        event_loop.remove_reader(client.stream.as_raw_fd());
        event_loop.stop();
    }
}
// ANCHOR_END: on_reply

// ANCHOR: run
/// Starts the server, sends the first message, and runs the loop until the
/// last reply is in.
pub fn run(messages: &[String]) -> io::Result<Echoed> {
    let mut event_loop = EventLoop::new();
    let listener = TcpListener::bind(loopback())?;
    let address = listener.local_addr()?;
    serve(&mut event_loop, listener)?;

    let client = Rc::new(RefCell::new(connect(address, messages)?));
    let fd = client.borrow().stream.as_raw_fd();
    let state = Rc::clone(&client);
    event_loop.add_reader(fd, move |event_loop| {
        on_reply(event_loop, &mut state.borrow_mut())
    })?;
    event_loop.run_forever();
    drop(event_loop); // closes the listener and the server's connection

    let client = Rc::into_inner(client).expect("the loop is gone").into_inner();
    match client.error {
        Some(err) => Err(err),
        None => Ok(Echoed { address, replies: client.replies }),
    }
}
// ANCHOR_END: run

/// Connects (at once, on loopback) and sends the first message.
fn connect(address: SocketAddr, messages: &[String]) -> io::Result<Client> {
    let stream = std::net::TcpStream::connect(address)?;
    stream.set_nonblocking(true)?;
    let mut stream = TcpStream::from_std(stream);
    if let Some(first) = messages.first() {
        stream.write_all(first.as_bytes())?;
    }
    Ok(Client {
        stream,
        to_send: messages.to_vec(),
        received: Vec::new(),
        replies: Vec::new(),
        error: None,
    })
}
