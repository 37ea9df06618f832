//! Redactions for snapshot tests.
//!
//! Snapshots keep what a run is guaranteed to print (the lesson's words,
//! counts, the order where order is guaranteed) and replace every timing with
//! a placeholder, so that a snapshot passes on any machine under any load.
//! Every chapter's tests apply these same filters (insta's `filters`), so the
//! book's outputs look alike. A redacted table loses its column alignment:
//! that is the price of a snapshot that does not depend on the width of a number.

// ANCHOR: timing_filters
/// `(regex, replacement)` pairs for insta's `Settings::add_filter`.
///
/// They match the forms that [`crate::format`] prints. Order matters: the
/// longer forms go first.
pub const TIMING_FILTERS: &[(&str, &str)] = &[
    // The debug build's note (see `machine::warn_if_debug_build`): the same
    // snapshots must pass under `cargo test --release`, where it is absent.
    (r"note: debug build;[^\n]*\n", ""),
    // 2.004 s, 12.5 µs, 3.21 ms, 850 ns
    (r"\b\d+(\.\d+)? (s|ms|µs|ns)\b", "[time]"),
    // 1.98 cores, 0.50 of a core
    (r"\b\d+\.\d+ (cores?|of a core)\b", "[n] $1"),
    // 99.5 %, 12 %
    (r"\b\d+(\.\d+)? ?%", "[n] %"),
    // 3.2x, 1.98×
    (r"\b\d+(\.\d+)?(x|×)", "[n]×"),
    // Columns padded to the width of a number keep a width that depends on the
    // number: collapse runs of spaces inside a line (indentation is kept).
    (r"(\S) {2,}", "$1 "),
];
// ANCHOR_END: timing_filters
