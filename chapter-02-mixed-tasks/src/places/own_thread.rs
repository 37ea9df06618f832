//! One thread of its own, fed by a channel: the steps run one at a time,
//! in the order they were sent.
//!
//! A panic would end the thread, and every step sent after it would find
//! nobody to run it. The course keeps the thread alive instead: each step
//! runs under `catch_unwind`, and its panic is sent back as its answer.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::thread;

use super::failure::Failure;

/// One job for the thread: a step, with the way to send its answer back.
type Job = Box<dyn FnOnce() + Send>;

// ANCHOR: own_thread
/// A thread that runs the steps it is sent, one after another. Dropping it
/// closes the channel: the thread finishes the steps already sent and ends.
#[derive(Debug)]
pub struct OwnThread {
    jobs: mpsc::Sender<Job>,
}

impl OwnThread {
    /// Starts the thread, named `name`.
    pub fn start(name: &str) -> std::io::Result<OwnThread> {
        let (jobs, queue) = mpsc::channel::<Job>();
        thread::Builder::new().name(name.to_string()).spawn(move || {
            for job in queue {
                job();
            }
        })?;
        Ok(OwnThread { jobs })
    }

    /// Sends `step` to the thread and awaits its answer.
    pub async fn run<T: Send + 'static>(
        &self,
        step: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Failure> {
        let (answer, receiver) = tokio::sync::oneshot::channel();
        let job = move || {
            // A panic stays in this step: the thread goes on to the next.
            let _ = answer.send(catch_unwind(AssertUnwindSafe(step)));
        };
        let gone = Failure::Lost("the step thread has ended");
        self.jobs.send(Box::new(job)).map_err(|_| gone.clone())?;
        receiver.await.map_err(|_| gone)?.map_err(Failure::panicked)
    }
}
// ANCHOR_END: own_thread
