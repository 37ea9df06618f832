//! What the three versions share: the result of a run, and the address the
//! server listens on.

use std::net::{Ipv4Addr, SocketAddr};

/// What an echo run saw: where the server listened, what came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Echoed {
    /// The server's address (127.0.0.1 and the port the OS picked).
    pub address: SocketAddr,
    /// Every reply, in the order the client received them.
    pub replies: Vec<String>,
}

/// Where the server listens: loopback, port 0 (the OS picks a free one).
pub fn loopback() -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, 0))
}
