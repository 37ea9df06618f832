//! Measuring a piece of work: wall time, process CPU time, CPU utilisation.
//!
//! The article read its CPU figure off a task manager ("usage didn't exceed
//! 20 %"). The same figure can be computed: the CPU time the process used,
//! divided by the wall time that passed. A result of 1.0 means one core was
//! busy the whole time; 2.0 means two cores were. Dividing again by the
//! number of cores gives the task manager's share of the whole machine.

use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};

/// CPU time consumed so far by this process (all its threads), and by the
/// child processes it has already waited for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CpuTime {
    /// Time spent running the program's own code.
    pub user: Duration,
    /// Time the kernel spent on the program's behalf (system calls, page faults).
    pub system: Duration,
}

impl CpuTime {
    /// User plus system time.
    pub fn total(self) -> Duration {
        self.user + self.system
    }

    /// Reads the CPU time of this process and of its waited-for children.
    ///
    /// Children count only once `wait()` has collected them: that is how the
    /// kernel's accounting works, and why a process pool must reap its workers
    /// before it is measured.
    pub fn now() -> Self {
        let own = usage(UsageWho::RUSAGE_SELF);
        let children = usage(UsageWho::RUSAGE_CHILDREN);
        CpuTime { user: own.user + children.user, system: own.system + children.system }
    }

    fn saturating_sub(self, earlier: CpuTime) -> CpuTime {
        CpuTime {
            user: self.user.saturating_sub(earlier.user),
            system: self.system.saturating_sub(earlier.system),
        }
    }
}

fn usage(who: UsageWho) -> CpuTime {
    // getrusage cannot fail for RUSAGE_SELF or RUSAGE_CHILDREN with a valid
    // buffer; if it ever did, reporting zero CPU time is the honest fallback.
    match getrusage(who) {
        Ok(usage) => CpuTime {
            user: timeval_to_duration(usage.user_time()),
            system: timeval_to_duration(usage.system_time()),
        },
        Err(_) => CpuTime::default(),
    }
}

fn timeval_to_duration(tv: nix::sys::time::TimeVal) -> Duration {
    let micros = tv.tv_sec() * 1_000_000 + tv.tv_usec();
    Duration::from_micros(u64::try_from(micros).unwrap_or(0))
}

// ANCHOR: measurement
/// What one piece of work cost: how long it took and how much CPU it used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measurement {
    /// Time on the wall clock, from start to end.
    pub wall: Duration,
    /// CPU time used by the process (all threads, reaped children) meanwhile.
    pub cpu: CpuTime,
    /// Cores the machine offers this process, read when the measurement started.
    pub cores: usize,
}

impl Measurement {
    /// Cores kept busy on average: CPU time / wall time. 1.0 = one full core.
    pub fn cores_used(&self) -> f64 {
        if self.wall.is_zero() {
            return 0.0;
        }
        self.cpu.total().as_secs_f64() / self.wall.as_secs_f64()
    }

    /// The task manager's figure: cores used as a share of all cores, 0.0..=1.0
    /// (a little above 1.0 is possible from rounding in the kernel's clocks).
    pub fn share_of_machine(&self) -> f64 {
        self.cores_used() / self.cores as f64
    }
}
// ANCHOR_END: measurement

/// A running measurement: started by [`Stopwatch::start`], ended by
/// [`Stopwatch::stop`]. Useful where the work is not a single closure, for
/// example across `.await` points.
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch {
    started: Instant,
    cpu_at_start: CpuTime,
    cores: usize,
}

impl Stopwatch {
    /// Starts measuring now.
    pub fn start() -> Self {
        Stopwatch {
            cores: crate::machine::cores(),
            cpu_at_start: CpuTime::now(),
            started: Instant::now(),
        }
    }

    /// Wall time since the start, without stopping.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The instant the stopwatch started.
    pub fn started_at(&self) -> Instant {
        self.started
    }

    /// Ends the measurement.
    pub fn stop(self) -> Measurement {
        let wall = self.started.elapsed();
        Measurement {
            wall,
            cpu: CpuTime::now().saturating_sub(self.cpu_at_start),
            cores: self.cores,
        }
    }
}

/// Runs `work` and measures it.
pub fn measure<T>(work: impl FnOnce() -> T) -> (T, Measurement) {
    let stopwatch = Stopwatch::start();
    let value = work();
    (value, stopwatch.stop())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tests that read the process's real CPU time are in
    // `tests/measure.rs`, alone in their process: here, other tests' threads
    // would add their CPU time to the measurement.

    /// The ratios are computed from the fields, with no division by zero.
    #[test]
    fn ratios_follow_from_the_fields() {
        let m = Measurement {
            wall: Duration::from_secs(2),
            cpu: CpuTime { user: Duration::from_secs(3), system: Duration::from_secs(1) },
            cores: 4,
        };
        assert_eq!(m.cores_used(), 2.0);
        assert_eq!(m.share_of_machine(), 0.5);
        let zero = Measurement { wall: Duration::ZERO, ..m };
        assert_eq!(zero.cores_used(), 0.0);
    }
}
