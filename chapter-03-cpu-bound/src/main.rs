//! `cargo run -p chapter-03-cpu-bound -- --help`
//!
//! Serves as the I/O experiment's slow service if the run started it as one;
//! otherwise parses the command line and hands it to the library. Exit codes:
//! 0 done, 1 requests failed, 2 bad input or a run that could not start,
//! 130 stopped by Ctrl-C.

use shared::{cli, machine, shutdown};

use chapter_03_cpu_bound::{Config, net};

fn main() {
    if let Some(code) = net::service::serve_if_asked() {
        std::process::exit(code);
    }
    let config = Config { shutdown: shutdown::ctrl_c(), ..cli::parse_or_exit() };
    machine::warn_if_debug_build();
    let outcome = chapter_03_cpu_bound::run(&config);
    if config.shutdown.is_requested() {
        std::process::exit(shutdown::EXIT_INTERRUPTED);
    }
    if let Err(err) = outcome {
        eprintln!("error: {err}");
        std::process::exit(err.exit_code());
    }
}
