//! A second tokio runtime kept for CPU work: the loop's tasks on one
//! runtime, the steps as tasks on another, with its own worker threads.
//!
//! It adds one thing the pools do not: the CPU side can itself be async
//! code (await, spawn). Its workers are a fixed number, as in rayon, so a
//! burst queues. A runtime cannot be dropped inside another one's task (it
//! would block there): this one shuts down in the background when dropped.

use super::failure::Failure;

/// A multi-thread runtime for CPU steps.
#[derive(Debug)]
pub struct CpuRuntime(Option<tokio::runtime::Runtime>);

impl CpuRuntime {
    /// Starts a runtime with `workers` worker threads.
    pub fn start(workers: usize) -> std::io::Result<CpuRuntime> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .thread_name("cpu-runtime")
            .build()?;
        Ok(CpuRuntime(Some(runtime)))
    }

    // ANCHOR: second_runtime
    /// Runs `step` as a task on this runtime and awaits it from the loop's
    /// runtime (a `JoinHandle` can be awaited from any runtime).
    pub async fn run<T: Send + 'static>(
        &self,
        step: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Failure> {
        let runtime = self.0.as_ref().expect("present until dropped");
        let task = runtime.spawn(async move { step() });
        task.await.map_err(Failure::from_join)
    }
    // ANCHOR_END: second_runtime
}

impl Drop for CpuRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}
