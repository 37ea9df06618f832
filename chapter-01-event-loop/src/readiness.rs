//! Waiting for sockets: asyncio's `add_reader` and `remove_reader`.
//!
//! A socket is registered with the loop's `mio::Poll` (epoll on Linux) under
//! its file descriptor. When the operating system reports it readable, the
//! loop puts the reader's callback on the ready queue, in the same pass as the
//! timers that are due: see `queue_ready_readers` in
//! [`callback_loop`](crate::callback_loop).
//!
//! One difference from asyncio: its selector reports a socket that *is*
//! readable on every pass (level-triggered); mio reports a socket that
//! *became* readable (edge-triggered). So a reader callback here reads until
//! the socket says `WouldBlock`, or it may not be called again.

use std::io;
use std::os::fd::RawFd;
use std::rc::Rc;

use mio::unix::SourceFd;
use mio::{Interest, Token};

use crate::callback_loop::EventLoop;

// ANCHOR: add_reader
impl EventLoop {
    /// Calls `callback` on the loop each time `fd` becomes readable, until
    /// [`EventLoop::remove_reader`]. A second `add_reader` for the same `fd`
    /// replaces the callback, as in asyncio.
    pub fn add_reader(
        &mut self,
        fd: RawFd,
        callback: impl Fn(&mut EventLoop) + 'static,
    ) -> io::Result<()> {
        let registry = self.poll.registry();
        let token = Token(fd as usize);
        match registry.register(&mut SourceFd(&fd), token, Interest::READABLE) {
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                registry.reregister(&mut SourceFd(&fd), token, Interest::READABLE)?
            }
            result => result?,
        }
        self.readers.insert(fd, Rc::new(callback));
        Ok(())
    }

    /// Stops watching `fd`; returns whether it was watched. A callback
    /// already queued for it does not run.
    pub fn remove_reader(&mut self, fd: RawFd) -> bool {
        if self.readers.remove(&fd).is_none() {
            return false;
        }
        // The socket may be closed already, which removed it from epoll.
        let _ = self.poll.registry().deregister(&mut SourceFd(&fd));
        true
    }
}
// ANCHOR_END: add_reader

impl EventLoop {
    /// How many file descriptors have a reader.
    pub fn readers(&self) -> usize {
        self.readers.len()
    }
}
