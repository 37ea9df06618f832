//! The chapter's probe: what a place's calls are watched with. Each call's
//! spans of computing and its place in the finishing order go on the
//! [`Timeline`]; its thread's clock is read after every multiplication
//! ([`OnCore`]); Ctrl-C stops it at its next multiplication.

use std::sync::Arc;
use std::time::Instant;

use shared::shutdown::Shutdown;

use super::on_core::OnCore;
use super::timeline::Timeline;
use crate::cpu::{Probe, Watch};
use crate::interruptible::Flow;

/// Records every call of a run on one timeline. It owns what it reads (a
/// place may hand it to tasks that outlive any borrow).
#[derive(Debug, Clone)]
pub struct Recorder {
    timeline: Arc<Timeline>,
    stop: Arc<Shutdown>,
}

impl Recorder {
    /// A recorder onto `timeline`, whose calls stop once `stop` is requested.
    pub fn new(timeline: &Arc<Timeline>, stop: &Arc<Shutdown>) -> Self {
        Recorder { timeline: Arc::clone(timeline), stop: Arc::clone(stop) }
    }
}

// ANCHOR: call
impl Probe for Recorder {
    /// One call, recorded: the spans it computed (cut where it paused),
    /// when its thread ran, then its place in the finishing order.
    fn call<T>(
        &self,
        call: usize,
        work: impl FnOnce(&mut dyn Watch) -> Option<T>,
    ) -> Option<T> {
        let mut watch = CallWatch {
            timeline: &self.timeline,
            call,
            computing_since: Some(Instant::now()),
            last_step: None,
            on_core: OnCore::new(&self.timeline, call),
            stop: &self.stop,
        };
        let result = work(&mut watch);
        watch.paused();
        watch.on_core.end();
        if result.is_some() {
            self.timeline.finish(call);
        }
        result
    }
}
// ANCHOR_END: call

/// One call's watch: what [`Recorder::call`] hands the call.
struct CallWatch<'a> {
    timeline: &'a Timeline,
    call: usize,
    computing_since: Option<Instant>,
    /// When the last multiplication since `computing_since` ended: where
    /// the span ends (none: the span computed nothing, as the wait for the
    /// lock that comes first).
    last_step: Option<Instant>,
    on_core: OnCore<'a>,
    stop: &'a Shutdown,
}

impl Watch for CallWatch<'_> {
    fn between(&mut self) -> Flow {
        self.on_core.step();
        self.last_step = Some(Instant::now());
        if self.stop.is_requested() { Flow::Stop } else { Flow::Continue }
    }

    fn paused(&mut self) {
        if let (Some(start), Some(end)) =
            (self.computing_since.take(), self.last_step.take())
        {
            self.timeline.record(self.call, start, end);
        }
    }

    fn resumed(&mut self) {
        self.computing_since.get_or_insert_with(Instant::now);
    }
}
