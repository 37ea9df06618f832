//! Reading files: one after another, on threads, and with `tokio::fs` on
//! one event loop, and how many threads each way used.
//!
//! Linux's readiness API does not cover regular files: `epoll_ctl` refuses
//! one with `EPERM` (`select` and `poll` call it always ready, and a read
//! that misses the page cache simply blocks). So `tokio::fs` hands every
//! call to `spawn_blocking`, a pool of ordinary threads: "async file I/O"
//! is threads underneath. Counting the process's threads shows them.

use std::path::PathBuf;
use std::thread;

use tokio::runtime::Builder;

/// Size of each file.
pub const FILE_SIZE: usize = 256 * 1024;

/// At most this many files (one per client): 64 MiB on disk at most.
pub const MAX_FILES: usize = 256;

/// The name given to tokio's blocking threads, to count them.
pub const BLOCKING_NAME: &str = "fs-blocking";

/// The ways to read the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilesMode {
    /// `std::fs::read`, one file after another, on this thread.
    OneAfterAnother,
    /// `std::fs::read`, one thread per file.
    Threads,
    /// `tokio::fs::read`, one task per file, on a current-thread runtime.
    TokioFs,
}

impl FilesMode {
    /// Every way, in the order the chapter runs them.
    pub const ALL: [FilesMode; 3] =
        [FilesMode::OneAfterAnother, FilesMode::Threads, FilesMode::TokioFs];

    /// The name printed and the record's `variant`.
    pub fn name(self) -> &'static str {
        match self {
            FilesMode::OneAfterAnother => "sequential",
            FilesMode::Threads => "threads",
            FilesMode::TokioFs => "tokio-fs",
        }
    }
}

/// A directory of test files, removed when dropped.
#[derive(Debug)]
pub struct FileSet {
    _dir: tempfile::TempDir,
    /// The files, in order.
    pub paths: Vec<PathBuf>,
}

impl FileSet {
    /// Writes `count` files of [`FILE_SIZE`] bytes in a new temp directory.
    pub fn create(count: usize) -> std::io::Result<FileSet> {
        let dir = tempfile::Builder::new().prefix("chapter-03-files-").tempdir()?;
        let paths = (0..count)
            .map(|i| {
                let path = dir.path().join(format!("file-{i}.bin"));
                std::fs::write(&path, content(i)).map(|()| path)
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        Ok(FileSet { _dir: dir, paths })
    }
}

fn content(i: usize) -> Vec<u8> {
    vec![(i % 251) as u8; FILE_SIZE]
}

fn is_intact(i: usize, bytes: &std::io::Result<Vec<u8>>) -> bool {
    bytes
        .as_ref()
        .is_ok_and(|b| b.len() == FILE_SIZE && b.iter().all(|&x| x == (i % 251) as u8))
}

/// Reads every file of `set` in `mode`; returns the files read back
/// intact, and the threads that read them (none: this thread did).
pub fn read_all(mode: FilesMode, set: &FileSet) -> (usize, usize) {
    match mode {
        FilesMode::OneAfterAnother => (one_after_another(set), 0),
        FilesMode::Threads => (on_threads(set), set.paths.len()),
        FilesMode::TokioFs => with_tokio_fs(set),
    }
}

fn one_after_another(set: &FileSet) -> usize {
    let reads = set.paths.iter().map(std::fs::read);
    reads.enumerate().filter(|(i, bytes)| is_intact(*i, bytes)).count()
}

fn on_threads(set: &FileSet) -> usize {
    thread::scope(|scope| {
        let readers: Vec<_> = (set.paths.iter().enumerate())
            .map(|(i, path)| scope.spawn(move || is_intact(i, &std::fs::read(path))))
            .collect();
        readers.into_iter().filter_map(|r| r.join().ok()).filter(|&ok| ok).count()
    })
}

// ANCHOR: tokio_fs
/// Every file a task on one current-thread runtime, read with `tokio::fs`.
/// Returns the files read intact and the blocking threads that did it.
fn with_tokio_fs(set: &FileSet) -> (usize, usize) {
    let runtime = Builder::new_current_thread()
        .thread_name(BLOCKING_NAME) // names the blocking pool's threads
        .build();
    let Ok(runtime) = runtime else { return (0, 0) };
    runtime.block_on(async {
        let reads: Vec<_> = (set.paths.iter().cloned().enumerate())
            .map(|(i, path)| {
                tokio::spawn(async move { (i, tokio::fs::read(path).await) })
            })
            .collect();
        let mut intact = 0;
        for read in reads {
            if let Ok((i, bytes)) = read.await {
                intact += usize::from(is_intact(i, &bytes));
            }
        }
        // The pool keeps idle threads for 10 s: they are still here to count.
        (intact, threads_named(BLOCKING_NAME))
    })
}
// ANCHOR_END: tokio_fs

/// How many of this process's threads have `name` (Linux; 0 elsewhere).
pub fn threads_named(name: &str) -> usize {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return 0 };
    tasks
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("comm")).ok())
        .filter(|comm| comm.trim_end() == name)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way reads every file back intact, and tokio::fs used at least
    /// one blocking thread to do it; the temp directory goes away after.
    #[test]
    fn reads_every_file_and_cleans_up() {
        let set = FileSet::create(4).expect("a temp dir");
        let dir = set.paths[0].parent().expect("a dir").to_path_buf();
        for mode in FilesMode::ALL {
            let (intact, threads) = read_all(mode, &set);
            assert_eq!(intact, 4, "{mode:?}");
            if mode == FilesMode::TokioFs {
                assert!(threads >= 1);
            }
        }
        drop(set);
        assert!(!dir.exists());
    }
}
