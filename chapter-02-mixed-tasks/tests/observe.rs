//! The verdicts and names of `observe`: what counts as late, and the names
//! the book's values use for each run.

use std::time::Duration;

use chapter_02_mixed_tasks::events::Tick;
use chapter_02_mixed_tasks::observe::record::variant;
use chapter_02_mixed_tasks::observe::{is_late, lateness};
use chapter_02_mixed_tasks::runtimes::{Offload, Placement, Runtime};

/// A tick exactly at the threshold is on time; one past it is late.
#[test]
fn late_means_strictly_past_the_threshold() {
    let ms = Duration::from_millis;
    let tick = |due, ran| Tick { number: 1, due: ms(due), ran: ms(ran), gap: None };
    assert!(!is_late(&tick(100, 200), ms(100)));
    assert!(is_late(&tick(100, 201), ms(100)));
    assert_eq!(lateness(&tick(500, 400)), Duration::ZERO, "early is not negative");
}

/// Each runtime and place gets the name the book's values use.
#[test]
fn variants_name_the_runtime_and_the_place() {
    let pool = Placement::Off(Offload::Pool);
    assert_eq!(variant(Runtime::Tokio, Placement::OnLoop), "tokio-on-loop");
    assert_eq!(variant(Runtime::Tokio, pool), "tokio-spawn-blocking");
    assert_eq!(variant(Runtime::Smol, pool), "smol-unblock");
    assert_eq!(variant(Runtime::AsyncStd, pool), "async-std-spawn-blocking");
    assert_eq!(variant(Runtime::Tokio, Placement::Off(Offload::Rayon)), "tokio-rayon");
    assert_eq!(
        variant(Runtime::TokioMultiThread, Placement::OnLoop),
        "tokio-multi-thread-on-loop"
    );
}
