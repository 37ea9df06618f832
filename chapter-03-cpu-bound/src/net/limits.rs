//! File descriptors: every open socket is one, and a process may hold only
//! `RLIMIT_NOFILE` of them. The *soft* limit is what applies; a process may
//! raise it up to the *hard* limit on its own, and no further.

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

    /// The backlog never exceeds what was asked.
    #[test]
    fn backlog_is_capped() {
        assert!(backlog_granted(5) <= 5);
    }
}
