//! The machine the course runs on, read at run time, never assumed.

use std::thread;

/// The version of the compiler that built this program (`1.95.0`), recorded
/// by `shared/build.rs`: every Rust measurement record names it.
pub const RUSTC_VERSION: &str = env!("COURSE_RUSTC_VERSION");

/// The environment variable that overrides [`cores`]: snapshot tests set it
/// so that output that names the core count reads the same on every machine.
pub const CORES_OVERRIDE: &str = "COURSE_CORES";

/// Cores available to this process: `std::thread::available_parallelism`,
/// which also respects CPU affinity masks and cgroup quotas. 1 if unknown.
/// A positive whole number in `COURSE_CORES` takes precedence (for tests).
pub fn cores() -> usize {
    let overridden =
        std::env::var(CORES_OVERRIDE).ok().and_then(|value| value.parse::<usize>().ok());
    match overridden {
        Some(cores) if cores > 0 => cores,
        _ => thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// The CPU's model name from `/proc/cpuinfo`, or "unknown CPU" elsewhere.
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, name)| name.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

/// "release" or "debug": the build profile this binary was compiled with.
pub fn build_profile() -> &'static str {
    if cfg!(debug_assertions) { "debug" } else { "release" }
}

/// Warns on stderr when a debug build is about to print timings: debug
/// timings are not the numbers the course quotes.
pub fn warn_if_debug_build() {
    if cfg!(debug_assertions) {
        eprintln!("note: debug build; timings are not representative (use --release)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// There is at least one core, and the profile is one of the two names.
    #[test]
    fn machine_facts_are_sane() {
        assert!(cores() >= 1);
        assert!(!cpu_model().is_empty());
        assert!(matches!(build_profile(), "debug" | "release"));
    }
}
