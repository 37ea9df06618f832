//! `cargo run -p chapter-02-mixed-tasks -- --help`
//!
//! Parses the command line and hands it to the library, which runs, prints
//! and writes everything. Exit codes: 0 done, 2 bad input or a failed run,
//! 130 stopped by Ctrl-C.

use shared::{cli, machine, shutdown};

use chapter_02_mixed_tasks::Options;

fn main() {
    let options: Options = cli::parse_or_exit();
    let ctrl_c = shutdown::ctrl_c();
    machine::warn_if_debug_build();
    chapter_02_mixed_tasks::run(&options, ctrl_c)
        .unwrap_or_else(|message| cli::fail(message));
    if ctrl_c.is_requested() {
        std::process::exit(shutdown::EXIT_INTERRUPTED);
    }
}
