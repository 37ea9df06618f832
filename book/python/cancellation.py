"""Stopping work that is already running, in Python: four ways, one figure.

A job is a chain of CPU steps (product_below(limit) each). A deadline falls
in the middle of its second step. Each way of stopping it is measured by the
CPU the job spent after the deadline, and by its steps started and finished:

- timeout: asyncio.wait_for around a coroutine that awaits between steps.
  The task is cancelled at its next await (a CancelledError): the step in
  progress ends first, no step starts after it.
- blocking: the same job on a thread, by loop.run_in_executor. wait_for
  times out, but the thread cannot be stopped: the job runs to its end.
  concurrent.futures.Future.cancel() returns False once the job runs.
- token: a threading.Event the job checks between steps: it stops after the
  step in progress, as the timeout does, but on a thread.
- process: the job in a multiprocessing.Process, terminated at the deadline:
  the one way that stops a step in the middle.
"""

import argparse
import asyncio
import multiprocessing
import os
import resource
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from workload import DEFAULT_LIMIT, cpu_seconds, emit, positive_int, product_below

# The deadline, in steps: in the middle of the second step.
DEADLINE_STEPS = 1.5


class Progress:
    """Steps started and finished, counted by the job as it runs."""

    def __init__(self):
        self.started = 0
        self.finished = 0


def step(limit, progress):
    """One CPU step of the job, counted."""
    progress.started += 1
    product_below(limit)
    progress.finished += 1


# ANCHOR: timeout
async def chain(steps, limit, progress):
    """The job as a coroutine: the await between steps is where a
    CancelledError can land; nothing interrupts a step."""
    for _ in range(steps):
        step(limit, progress)
        await asyncio.sleep(0)


async def stop_by_timeout(steps, limit, deadline, progress):
    try:
        await asyncio.wait_for(chain(steps, limit, progress), deadline)
    except TimeoutError:
        pass  # wait_for cancelled the chain, then raised TimeoutError
# ANCHOR_END: timeout


# ANCHOR: blocking
def job(steps, limit, progress, token=None):
    """The job on a thread; with a token, it stops between steps once set."""
    for _ in range(steps):
        if token is not None and token.is_set():
            return
        step(limit, progress)


async def stop_blocking(pool, steps, limit, deadline, progress):
    """What wait_for does to a job on a thread: returns the job's
    concurrent.futures.Future, and what its cancel() said at the deadline."""
    running = pool.submit(job, steps, limit, progress)  # run_in_executor's own call
    try:
        await asyncio.wait_for(asyncio.wrap_future(running), deadline)
    except TimeoutError:
        pass
    return running, running.cancel()  # False: the job has started
# ANCHOR_END: blocking


# ANCHOR: token
async def stop_by_token(pool, steps, limit, deadline, progress):
    token = threading.Event()
    loop = asyncio.get_running_loop()
    running = loop.run_in_executor(pool, job, steps, limit, progress, token)
    try:
        await asyncio.wait_for(asyncio.shield(running), deadline)
    except TimeoutError:
        token.set()  # the job sees it before its next step
    await running
# ANCHOR_END: token


# ANCHOR: process
def process_job(steps, limit, started, finished):
    for _ in range(steps):
        started.value += 1
        product_below(limit)
        finished.value += 1


def stop_process(steps, limit, deadline, progress):
    """Terminates the job's process at the deadline; returns its CPU time
    at that moment (from /proc) for the figure after it."""
    started, finished = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
    child = multiprocessing.Process(target=process_job,
                                    args=(steps, limit, started, finished))
    child.start()
    child.join(deadline)
    cpu_at_deadline = process_cpu(child.pid)
    child.terminate()  # SIGTERM: the step in progress ends where it is
    child.join()
    progress.started, progress.finished = started.value, finished.value
    return cpu_at_deadline
# ANCHOR_END: process


def process_cpu(pid):
    """CPU time of a live process, from /proc/PID/stat (utime + stime)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu():
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


class DeadlineWatch:
    """Reads the process's CPU time at the deadline, from a thread of its
    own: the job may be holding the loop (or the GIL) at that moment."""

    def __init__(self, deadline):
        self.started = time.perf_counter()
        self.cpu = None
        self.thread = threading.Thread(target=self.watch, args=(deadline,),
                                       daemon=True)
        self.thread.start()

    def watch(self, deadline):
        time.sleep(max(0.0, self.started + deadline - time.perf_counter()))
        self.cpu = cpu_seconds()

    def cpu_after(self):
        """CPU time spent since the deadline (0 if the job ended before it)."""
        self.thread.join()
        return max(0.0, cpu_seconds() - self.cpu)


def measure_step(limit, runs=3):
    """One step's wall time, the median of a few: the unit of the deadline."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        product_below(limit)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def run_way(way, steps, limit, step_s):
    """Runs one way of stopping: its wall and CPU time, its progress, its
    record's fields, and what Future.cancel() returned (the blocking way)."""
    deadline = DEADLINE_STEPS * step_s
    progress = Progress()
    watch_start = cpu_seconds()
    started = time.perf_counter()
    cancelled = None
    if way == "process":
        children_before = children_cpu()
        cpu_at_deadline = stop_process(steps, limit, deadline, progress)
        wall = time.perf_counter() - started
        child_cpu = children_cpu() - children_before
        after = 0.0 if cpu_at_deadline is None else max(0.0, child_cpu - cpu_at_deadline)
        cpu = cpu_seconds() - watch_start
    else:
        watch = DeadlineWatch(deadline)
        with ThreadPoolExecutor(max_workers=1) as pool:
            if way == "timeout":
                asyncio.run(stop_by_timeout(steps, limit, deadline, progress))
            elif way == "blocking":
                running, cancelled = asyncio.run(
                    stop_blocking(pool, steps, limit, deadline, progress))
                running.result()  # the job ends when it ends
            else:
                asyncio.run(stop_by_token(pool, steps, limit, deadline, progress))
        wall = time.perf_counter() - started
        after = watch.cpu_after()
        cpu = cpu_seconds() - watch_start
    return wall, cpu, progress, {
        "verdict": verdict(progress, steps),
        "step_s": round(step_s, 6),
        "steps_started": progress.started,
        "steps_finished": progress.finished,
        "cpu_after_deadline_ms": round(after * 1000, 3),
    }, cancelled


def verdict(progress, steps):
    """The lesson's words, from the counts: did the job stop, and where?"""
    if progress.finished == steps:
        return "ran to its end"
    if progress.started == progress.finished:
        return "stopped between steps"
    return "stopped mid-step"


# The experiment name and variant of each way, as the Rust side names them.
WAYS = {
    "timeout": ("cancel_timeout", "wait-for"),
    "blocking": ("cancel_blocking", "run-in-executor"),
    "token": ("cancel_token", "threading-event"),
    "process": ("cancel_process", "multiprocessing"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=positive_int, default=6,
                        help="CPU steps of the job")
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT // 2,
                        help="size of one CPU step")
    parser.add_argument("--ways", nargs="+", choices=list(WAYS), default=list(WAYS))
    args = parser.parse_args()

    step_s = measure_step(args.limit)
    for way in args.ways:
        experiment, variant = WAYS[way]
        wall, cpu, progress, fields, cancelled = run_way(way, args.steps, args.limit,
                                                         step_s)
        emit(experiment, wall, cpu, limit=args.limit, variant=variant, **fields)
        said = "" if cancelled is None else f"Future.cancel() returned {cancelled}; "
        print(f"{experiment}: {said}{progress.started} of {args.steps} steps started, "
              f"{progress.finished} finished, {fields['cpu_after_deadline_ms']:.1f} ms "
              "CPU after the deadline", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("stopped by Ctrl-C", file=sys.stderr)
        os._exit(130)
