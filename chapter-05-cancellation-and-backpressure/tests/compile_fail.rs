//! The compiler's own words: a `std::sync::MutexGuard` held across an
//! `.await` makes the future not `Send`, and `tokio::spawn` refuses it.
//! trybuild compiles `tests/compile_fail/*.rs`, expects each to fail, and
//! holds its message equal to the `.stderr` file beside it.

#[test]
fn a_std_guard_across_await_does_not_compile() {
    trybuild::TestCases::new().compile_fail("tests/compile_fail/guard_across_await.rs");
}
