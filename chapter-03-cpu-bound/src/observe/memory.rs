//! How much memory the process holds, read from `/proc/self/status`.
//!
//! Two numbers: *resident* memory (`VmRSS`, pages actually in RAM) and the
//! *address space* (`VmSize`, everything mapped, touched or not). A thread's
//! stack reserves address space at once but becomes resident only as it is
//! used, so the two tell different parts of a thread's cost. Linux only;
//! elsewhere the readings are `None` and the program says "unknown".

/// One reading of the process's memory, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    /// Bytes in RAM (`VmRSS`).
    pub resident: u64,
    /// Bytes of address space mapped (`VmSize`).
    pub mapped: u64,
}

/// Reads the process's memory now, or `None` where `/proc` is missing.
pub fn now() -> Option<Memory> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    Some(Memory {
        resident: field_kib(&status, "VmRSS:")? * 1024,
        mapped: field_kib(&status, "VmSize:")? * 1024,
    })
}

fn field_kib(status: &str, name: &str) -> Option<u64> {
    let line = status.lines().find(|line| line.starts_with(name))?;
    line[name.len()..].trim().trim_end_matches("kB").trim().parse().ok()
}

/// Formats a byte count: `512 bytes`, `8.00 KiB`, `83.2 MiB`, `19.5 GiB`.
pub fn bytes(count: f64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if count < 1024.0 {
        return format!("{count:.0} bytes");
    }
    let mut value = count / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let digits = if value < 10.0 {
        2
    } else if value < 100.0 {
        1
    } else {
        0
    };
    format!("{value:.digits$} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields are parsed from the kernel's format.
    #[test]
    fn parses_status_fields() {
        let status = "Name:\tx\nVmSize:\t  123456 kB\nVmRSS:\t    2048 kB\n";
        assert_eq!(field_kib(status, "VmRSS:"), Some(2048));
        assert_eq!(field_kib(status, "VmSize:"), Some(123_456));
        assert_eq!(field_kib(status, "VmSwap:"), None);
    }

    /// Sizes are printed with three significant digits and a binary unit.
    #[test]
    fn formats_sizes() {
        assert_eq!(bytes(300.0), "300 bytes");
        assert_eq!(bytes(8.0 * 1024.0), "8.00 KiB");
        assert_eq!(bytes(83.2 * 1024.0 * 1024.0), "83.2 MiB");
        assert_eq!(bytes(19.5 * 1024.0 * 1024.0 * 1024.0), "19.5 GiB");
    }

    /// On Linux this process has some memory, and maps at least what it holds.
    #[test]
    fn reads_this_process() {
        if let Some(memory) = now() {
            assert!(memory.resident > 0);
            assert!(memory.mapped >= memory.resident);
        }
    }
}
