//! `cargo run -p chapter-04-parallelism -- --help`
//!
//! Serves as a worker process if the pool started it as one; otherwise
//! parses the command line and hands it to the library. Exit codes
//! (`shared::exit`): 0 done, 1 the run failed, 2 bad input, 130 Ctrl-C.

use shared::{cli, machine, shutdown};

use chapter_04_parallelism::config::Config;
use chapter_04_parallelism::run::run;
use chapter_04_parallelism::worker;

fn main() {
    worker::exit_if_worker();
    let config: Config = cli::parse_or_exit();
    machine::warn_if_debug_build();
    let shutdown = shutdown::ctrl_c();
    shared::exit::exit(run(&config, shutdown), shutdown)
}
