//! `cargo run -p chapter-01-event-loop -- --help`
//!
//! Parses the command line and hands it to the library. Exit codes (the
//! course's, `shared::exit`): 0 done, 1 the echo failed, 2 bad input,
//! 130 stopped by Ctrl-C.

use shared::{cli, exit, shutdown};

use chapter_01_event_loop::{Config, run};

fn main() {
    let config: Config = cli::parse_or_exit();
    let shutdown = shutdown::ctrl_c();
    exit::exit(run(&config, shutdown), shutdown);
}
