//! `cargo run -p chapter-03-cpu-bound -- --help`
//!
//! Serves as the I/O experiment's slow service if the run started it as one;
//! otherwise parses the command line and hands it to the library. Exit codes:
//! 0 done, 1 requests failed, 2 bad input or a run that could not start,
//! 130 stopped by Ctrl-C.

use shared::{cli, exit, machine, shutdown};

use chapter_03_cpu_bound::{Config, net, run};

fn main() {
    net::service::exit_if_service();
    let config: Config = cli::parse_or_exit();
    let shutdown = shutdown::ctrl_c();
    machine::warn_if_debug_build();
    exit::exit(run(&config, shutdown), shutdown)
}
