//! `cargo run -p chapter-05-cancellation-and-backpressure -- --help`
//!
//! Serves as a child (the chain to be killed, or chapter 3's slow service)
//! if the run started it as one; otherwise parses the command line and
//! hands it to the library. Exit codes (`shared::exit`): 0 done, 1 the run
//! failed, 2 bad input, 130 Ctrl-C.

use shared::{cli, exit, machine, shutdown};

use chapter_03_cpu_bound::net::service;
use chapter_05_cancellation_and_backpressure::config::Config;
use chapter_05_cancellation_and_backpressure::{process, run};

fn main() {
    if let Some(code) = process::run_if_child().or_else(service::serve_if_asked) {
        std::process::exit(code);
    }
    let config: Config = cli::parse_or_exit();
    machine::warn_if_debug_build();
    let shutdown = shutdown::ctrl_c();
    exit::exit(run::run(&config, shutdown), shutdown)
}
