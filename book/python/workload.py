"""The course's workload and measuring, in Python, for side-by-side runs.

These programs mirror the Rust chapters so that both languages can be timed
on the same machine. They need only the standard library. Every program
prints its results as JSON lines on stdout (one object per measurement, the
same fields the Rust side prints) and a readable summary on stderr.
"""

import json
import os
import resource
import sys
import time

DEFAULT_LIMIT = 40_000


# ANCHOR: product_below
def product_below(limit):
    """Multiplies every integer in 1..limit, one big-integer step at a time."""
    z = 1
    for x in range(1, limit):
        z *= x
    return z
# ANCHOR_END: product_below


def fingerprint(result):
    """The result's size in bits: cheap to compare with the Rust workload's."""
    return result.bit_length()


def cores():
    """Cores this process may use (respects CPU affinity)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def cpu_seconds():
    """CPU time of this process (all threads) and of its reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Stopwatch:
    """Wall time and CPU time between start and stop."""

    def __init__(self):
        self.cpu_at_start = cpu_seconds()
        self.started = time.perf_counter()

    def stop(self):
        wall = time.perf_counter() - self.started
        cpu = cpu_seconds() - self.cpu_at_start
        return wall, cpu


def emit(experiment, wall, cpu, **fields):
    """Prints one measurement as a JSON line, and a readable line on stderr."""
    record = {
        "experiment": experiment,
        "language": "python",
        "version": sys.version.split()[0],
        "wall_s": round(wall, 6),
        "cpu_s": round(cpu, 6),
        "cores_used": round(cpu / wall, 3) if wall > 0 else 0.0,
        "cores": cores(),
        **fields,
    }
    print(json.dumps(record), flush=True)
    print(f"{experiment}: {wall:.3f} s wall, {cpu:.3f} s CPU, "
          f"{record['cores_used']:.2f} of {record['cores']} cores", file=sys.stderr)


def positive_int(text):
    """argparse type: a whole number of at least 1."""
    import argparse
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is too small: must be at least 1")
    return value
