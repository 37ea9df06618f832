//! `cargo run -p chapter-02-mixed-tasks -- --help`
//!
//! Parses the command line and hands it to the library, which runs, prints
//! and writes everything. Exit codes: 0 done, 1 a failed run, 2 bad input,
//! 130 stopped by Ctrl-C.

use shared::{cli, exit, machine, shutdown};

use chapter_02_mixed_tasks::{Config, run};

fn main() {
    let config: Config = cli::parse_or_exit();
    machine::warn_if_debug_build();
    let shutdown = shutdown::ctrl_c();
    exit::exit(run(&config, shutdown), shutdown)
}
