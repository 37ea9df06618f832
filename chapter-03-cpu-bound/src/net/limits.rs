//! What caps the number of connections open at once, before memory does:
//! file descriptors (every open socket is one, and a process may hold only
//! `RLIMIT_NOFILE` of them: the *soft* limit applies, and a process may
//! raise it up to the *hard* limit on its own, and no further), the source
//! ports of one address, and the listen backlog.

use std::net::{IpAddr, Ipv4Addr};

use nix::sys::resource::{Resource, getrlimit, setrlimit};

/// Descriptors kept back for stdin, stdout, the runtime's own, and so on.
pub const SPARE_FDS: u64 = 64;

// ANCHOR: raise
/// Raises the soft limit on open files to the hard one; returns the limit
/// now in force.
pub fn raise_to_hard() -> Option<u64> {
    let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).ok()?;
    if soft < hard && setrlimit(Resource::RLIMIT_NOFILE, hard, hard).is_err() {
        return Some(soft);
    }
    Some(hard)
}
// ANCHOR_END: raise

/// How many client connections fit under `limit` open files.
pub fn connections_that_fit(limit: u64) -> usize {
    limit.saturating_sub(SPARE_FDS) as usize
}

/// The backlog `listen(asked)` really gets: Linux caps it at
/// `net.core.somaxconn` without a word (`__sys_listen` in net/socket.c).
pub fn backlog_granted(asked: u32) -> u32 {
    somaxconn().map_or(asked, |cap| asked.min(cap))
}

/// Clients per source address in the scale-up: under the 28 232 ports of
/// Linux's default ephemeral range (32768 to 60999).
pub const CLIENTS_PER_SOURCE: usize = 20_000;

// ANCHOR: source_address
/// The source address of client `client` (from 1): 127.0.0.1 for the first
/// [`CLIENTS_PER_SOURCE`], then 127.0.0.2, and so on. Linux routes all of
/// 127.0.0.0/8 to loopback, and each address has its own ports.
pub fn source_address(client: usize) -> IpAddr {
    let nth = (client.saturating_sub(1) / CLIENTS_PER_SOURCE).min(253) as u8;
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1 + nth))
}
// ANCHOR_END: source_address

/// `net.core.somaxconn`, where `/proc` has it.
pub fn somaxconn() -> Option<u32> {
    std::fs::read_to_string("/proc/sys/net/core/somaxconn").ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spare descriptors are kept back, and a tiny limit fits none.
    #[test]
    fn fits_under_the_limit() {
        assert_eq!(connections_that_fit(20_000), 19_936);
        assert_eq!(connections_that_fit(10), 0);
    }

    /// Clients past [`CLIENTS_PER_SOURCE`] move to the next address.
    #[test]
    fn clients_spread_over_source_addresses() {
        let last = |client| match source_address(client) {
            IpAddr::V4(v4) => v4.octets()[3],
            IpAddr::V6(_) => 0,
        };
        assert_eq!(last(1), 1);
        assert_eq!(last(CLIENTS_PER_SOURCE), 1);
        assert_eq!(last(CLIENTS_PER_SOURCE + 1), 2);
        assert_eq!(last(100_000), 5);
    }

    /// The backlog never exceeds what was asked.
    #[test]
    fn backlog_is_capped() {
        assert!(backlog_granted(5) <= 5);
    }
}
