//! A progress bar on stderr while a pool works, only when stderr is a
//! terminal: piped or captured output (tests, `2> log`) stays clean.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar of `total` calls labelled `label`, or a hidden one off a terminal.
pub fn bar(total: usize, label: String) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template(
        "{prefix:>24} [{bar:30}] {pos}/{len} calls {elapsed}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    ProgressBar::new(total as u64).with_style(style).with_prefix(label)
}
