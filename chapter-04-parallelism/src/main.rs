//! `cargo run -p chapter-04-parallelism -- --help`
//!
//! Serves as a worker process if the pool started it as one; otherwise
//! parses the command line and hands it to the library. Exit codes: 0 done,
//! 1 a pool or a file failed, 2 bad input, 130 stopped by Ctrl-C.

use shared::{cli, machine, shutdown};

use chapter_04_parallelism::config::Config;
use chapter_04_parallelism::{run, worker};

fn main() {
    worker::exit_if_worker();
    let config: Config = cli::parse_or_exit();
    if let Err(bad) = config.check() {
        cli::fail(bad);
    }
    machine::warn_if_debug_build();
    let ctrl_c = shutdown::ctrl_c();
    let outcome = run::run(&config, ctrl_c);
    if ctrl_c.is_requested() {
        std::process::exit(shutdown::EXIT_INTERRUPTED);
    }
    if let Err(message) = outcome {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}
