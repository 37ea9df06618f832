//! The solutions of the chapter's exercises whose answer is code, each
//! asserted, so that the book's answers stay true.

use std::sync::Mutex;

use rayon::prelude::*;

// ANCHOR: pieces
/// The sizes of the pieces rayon cuts `calls` items into on a pool of
/// `threads` threads, smallest first. `fold` starts one accumulator per
/// piece and adds that piece's items to it one after another, so each
/// accumulator ends as the size of one piece. `min_len` and `max_len` are
/// passed to `with_min_len` / `with_max_len` (1 and `usize::MAX`: no limit).
fn pieces(threads: usize, calls: usize, min_len: usize, max_len: usize) -> Vec<usize> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let mut sizes: Vec<usize> = pool.install(|| {
        (0..calls)
            .into_par_iter()
            .with_min_len(min_len)
            .with_max_len(max_len)
            .fold(|| 0, |piece, _call| piece + 1)
            .collect()
    });
    sizes.sort_unstable();
    sizes
}
// ANCHOR_END: pieces

/// Exercise 1: rayon's splitter starts at the thread count and halves it at
/// each split, so 9 calls on 8 threads end as 9 pieces of one call (a
/// stolen piece only splits more); `with_max_len(1)` guarantees it.
#[test]
fn nine_calls_on_eight_threads_are_single_call_pieces() {
    assert_eq!(pieces(8, 9, 1, usize::MAX), vec![1; 9]);
    assert_eq!(pieces(8, 9, 1, 1), vec![1; 9]);
}

/// Exercise 1: one thread splits once (its splitter starts at 1), so 20
/// calls become two pieces of 10: harmless, one thread runs both anyway.
#[test]
fn one_thread_cuts_twenty_calls_in_two() {
    assert_eq!(pieces(1, 20, 1, usize::MAX), [10, 10]);
}

/// Exercise 1: pieces of at least 7 calls (`with_min_len(7)`, like a
/// `chunksize`) cut 20 calls into two pieces of 10, so of 3 threads one has
/// nothing to do: a thread left idle for certain.
#[test]
fn pieces_too_big_leave_a_thread_idle() {
    assert_eq!(pieces(3, 20, 7, usize::MAX), [10, 10]);
    let workers = Mutex::new(std::collections::HashSet::new());
    let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
    pool.install(|| {
        (0..20).into_par_iter().with_min_len(7).for_each(|_| {
            std::thread::sleep(std::time::Duration::from_millis(5));
            workers.lock().unwrap().insert(rayon::current_thread_index());
        });
    });
    assert!(workers.lock().unwrap().len() <= 2, "two pieces, at most two threads");
}

// ANCHOR: chunksize
/// `multiprocessing.Pool.map`'s default chunk size, as CPython's
/// `Pool._map_async` computes it: ceil(len / (4 × processes)).
fn pool_map_chunksize(len: usize, processes: usize) -> usize {
    len.div_ceil(4 * processes)
}

/// Calls the busiest of `processes` workers makes when `len` equal calls are
/// dealt out in chunks of `chunksize`, each chunk to the first free worker.
fn busiest_worker(len: usize, processes: usize, chunksize: usize) -> usize {
    let mut load = vec![0; processes];
    let mut left = len;
    while left > 0 {
        let chunk = chunksize.min(left);
        *load.iter_mut().min().expect("at least one worker") += chunk;
        left -= chunk;
    }
    load.into_iter().max().unwrap_or(0)
}
// ANCHOR_END: chunksize

/// Exercise 2: the article's 20 calls get chunks of 5, 3, 2, 1, 1 on 1, 2,
/// 4, 8 and 20 processes, so its busiest worker makes 20, 11, 6, 3 and 1
/// calls where one call per task makes 20, 10, 5, 3 and 1.
#[test]
fn pool_map_chunks_cost_a_call_at_two_and_four_processes() {
    let sizes = [1, 2, 4, 8, 20];
    let chunks: Vec<usize> = sizes.iter().map(|&n| pool_map_chunksize(20, n)).collect();
    assert_eq!(chunks, [5, 3, 2, 1, 1]);
    let chunked: Vec<usize> =
        sizes.iter().zip(&chunks).map(|(&n, &c)| busiest_worker(20, n, c)).collect();
    assert_eq!(chunked, [20, 11, 6, 3, 1]);
    let one_by_one: Vec<usize> =
        sizes.iter().map(|&n| busiest_worker(20, n, 1)).collect();
    assert_eq!(one_by_one, [20, 10, 5, 3, 1]);
}
