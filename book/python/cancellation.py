"""Stopping work that is already running, in Python: five ways, one figure.

A job is a chain of CPU steps (product_below(limit) each). Its deadline is
one and a half steps of CPU time, in the middle of its second step. Each way of giving
up on it is measured by the CPU the process spent after the deadline, and by
the job's steps started and finished:

- awaited steps: asyncio.wait_for around a coroutine that awaits each step
  on a thread (loop.run_in_executor). The task is cancelled at that await (a
  CancelledError): the step in flight runs on, no step starts after it.
- steps on the loop: the same, the steps run on the loop itself, with
  `await asyncio.sleep(0)` between them. The cancel still lands at an await,
  but only once the loop has run wait_for's timer and then wait_for itself.
- run_in_executor: the whole job on a thread. wait_for times out, but the
  thread cannot be stopped: the job runs to its end, and
  concurrent.futures.Future.cancel() returns False once the job runs.
- token: the job on a thread checks a threading.Event between steps.
- killed: the job in a multiprocessing.Process, killed (SIGKILL) at the
  deadline: the one way that stops a step in the middle.

The verdict, as the chapter's: the CPU spent after the caller gave up (its
timeout fired, or it killed the process) against 2.5 steps' CPU (the step
in progress, and a step and a half for the noise of measuring: a step
inside a run was measured taking half as long again as its calibration):
as much or more
is "ran on"; less is "stopped mid-step" if a step never ended, else
"stopped at the step's end".
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

from workload import cpu_seconds, emit, positive_int, product_below

# The deadline, in steps of CPU time: in the middle of the second step on
# an idle machine, earlier in the chain on a busy one (never later).
DEADLINE_STEPS = 1.5
# The most CPU after giving up, in steps, for a job that stopped.
STOPPED_BELOW_STEPS = 2.5


class Progress:
    """Steps started and finished, counted by the job as it runs."""

    def __init__(self):
        self.started = 0
        self.finished = 0

    def step(self, limit):
        """One CPU step of the job, counted."""
        self.started += 1
        product_below(limit)
        self.finished += 1


# ANCHOR: timeout
async def awaited_steps(pool, steps, limit, progress):
    """The chain as a coroutine: each step runs on a thread and is awaited.
    While a step runs, the coroutine waits at that await: there it can be
    cancelled. The step itself runs on; the steps after it never start."""
    loop = asyncio.get_running_loop()
    for _ in range(steps):
        await loop.run_in_executor(pool, progress.step, limit)


async def with_timeout(deadline, chain):
    """Gives `chain` the deadline; wait_for cancels it when time is up."""
    try:
        await asyncio.wait_for(chain, deadline)
    except TimeoutError:
        pass  # the chain got a CancelledError at its await
# ANCHOR_END: timeout


# ANCHOR: on_loop
async def steps_on_loop(steps, limit, progress):
    """The chain on the loop: nothing can run during a step, and the one
    place to cancel it is the await between two steps."""
    for _ in range(steps):
        progress.step(limit)
        await asyncio.sleep(0)
# ANCHOR_END: on_loop


# ANCHOR: blocking
def run_all(steps, limit, progress, token=None):
    """The job on a thread; with a token, it stops between steps once set."""
    for _ in range(steps):
        if token is not None and token.is_set():
            return
        progress.step(limit)


async def executor_job(pool, deadline, steps, limit, progress):
    """The whole job on a thread, given the deadline. Returns the job's
    concurrent.futures.Future and what its cancel() said at the deadline."""
    job = pool.submit(run_all, steps, limit, progress)  # what run_in_executor does
    try:
        await asyncio.wait_for(asyncio.wrap_future(job), deadline)
    except TimeoutError:
        pass
    return job, job.cancel()  # False: the job has started, it runs on
# ANCHOR_END: blocking


# ANCHOR: token
async def with_token(pool, deadline, steps, limit, progress):
    token = threading.Event()
    loop = asyncio.get_running_loop()
    job = loop.run_in_executor(pool, run_all, steps, limit, progress, token)
    try:
        # shield: the timeout must not cancel the job's future, which the
        # job would never hear of; the token is what it hears.
        await asyncio.wait_for(asyncio.shield(job), deadline)
    except TimeoutError:
        token.set()  # the job sees it before its next step
    await job
# ANCHOR_END: token


# ANCHOR: kill
def child_chain(steps, limit, started, finished):
    for _ in range(steps):
        started.value += 1
        product_below(limit)
        finished.value += 1


def kill_at_deadline(deadline, steps, limit, progress):
    """Runs the chain in a process and kills it at the deadline, wherever it
    is. Returns the child's CPU time at the deadline, for the figure."""
    start = time.perf_counter()
    started, finished = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
    child = multiprocessing.Process(target=child_chain,
                                    args=(steps, limit, started, finished))
    child.start()
    child.join(max(0.0, start + deadline - time.perf_counter()))
    cpu_at_deadline = process_cpu(child.pid)
    child.kill()  # SIGKILL: the kernel stops it now, mid-step if need be
    child.join()
    progress.started, progress.finished = started.value, finished.value
    return cpu_at_deadline
# ANCHOR_END: kill


def process_cpu(pid):
    """CPU time of a live process: the first field of /proc/PID/schedstat
    (nanoseconds on the CPU); None once it is gone."""
    try:
        with open(f"/proc/{pid}/schedstat") as schedstat:
            return int(schedstat.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def children_cpu():
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


class DeadlineWatch:
    """Reads the process's CPU time at the deadline, from a thread of its
    own: the job may be holding the loop (or the GIL) at that moment."""

    def __init__(self, deadline):
        self.cpu = None
        self.thread = threading.Thread(target=self.watch, args=(deadline,),
                                       daemon=True)
        self.thread.start()

    def watch(self, deadline):
        time.sleep(deadline)
        self.cpu = cpu_seconds()

    def cpu_after(self):
        """CPU time spent since the deadline (0 if the job ended before it)."""
        self.thread.join()
        return max(0.0, cpu_seconds() - self.cpu)


def calibrate(limit, runs=3):
    """One step's CPU time, the median of three: the unit of the deadline
    and of the verdict."""
    cpus = []
    for _ in range(runs):
        cpu = cpu_seconds()
        product_below(limit)
        cpus.append(cpu_seconds() - cpu)
    return sorted(cpus)[runs // 2]


async def marked(work, deadline, gave_up):
    """Runs `work`, noting the CPU time when the loop runs a timer due at
    the deadline: in the same pass as wait_for's own, when the caller
    gives up."""
    loop = asyncio.get_running_loop()
    loop.call_later(deadline, lambda: gave_up.append(cpu_seconds()))
    return await work


def in_thread(way, deadline, steps, limit, progress, gave_up):
    """The ways that keep the job in this process: returns what
    Future.cancel() said, for the whole job on a thread (else None)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        if way == "awaited-steps":
            work = with_timeout(deadline, awaited_steps(pool, steps, limit, progress))
        elif way == "steps-on-loop":
            work = with_timeout(deadline, steps_on_loop(steps, limit, progress))
        elif way == "run-in-executor":
            work = executor_job(pool, deadline, steps, limit, progress)
        else:
            work = with_token(pool, deadline, steps, limit, progress)
        outcome = asyncio.run(marked(work, deadline, gave_up))
        if way == "run-in-executor":
            job, cancelled = outcome
            job.result()  # the job ends when it ends
            return cancelled
    # Leaving `with` waited for the pool's thread: the step in flight is over.
    return None


def run_way(way, steps, limit, step_cpu):
    """One way, measured: wall and CPU time, the job's progress, the CPU
    after the deadline and after giving up, and what Future.cancel() said
    (or None)."""
    deadline = DEADLINE_STEPS * step_cpu
    progress = Progress()
    cpu_start, wall_start = cpu_seconds(), time.perf_counter()
    cancelled, gave_up = None, []
    if way == "killed":
        children_before = children_cpu()
        # Ten times the chain, as the chapter's: a new process may find a
        # core less busy than the one the step was timed on, and it must
        # still be computing at the deadline.
        cpu_at_deadline = kill_at_deadline(deadline, 10 * steps, limit, progress)
        gave_up.append(cpu_seconds())  # killed and reaped: nothing runs on
        child_cpu = children_cpu() - children_before
        # A child gone before the deadline could be read spent nothing after it.
        after = max(0.0, child_cpu - (child_cpu if cpu_at_deadline is None
                                      else cpu_at_deadline))
    else:
        watch = DeadlineWatch(deadline)
        cancelled = in_thread(way, deadline, steps, limit, progress, gave_up)
        after = watch.cpu_after()
    # A job over before its deadline never made its caller give up.
    after_giving_up = cpu_seconds() - gave_up[0] if gave_up else 0.0
    wall = time.perf_counter() - wall_start
    return (wall, cpu_seconds() - cpu_start, progress, after, after_giving_up,
            cancelled)


def verdict(progress, after_giving_up, step_cpu):
    """The lesson's words: the CPU after giving up against 2.5 steps'."""
    if after_giving_up >= STOPPED_BELOW_STEPS * step_cpu:
        return "ran on"
    if progress.finished < progress.started:
        return "stopped mid-step"
    return "stopped at the step's end"


# Each way's experiment, as the Rust side names them.
WAYS = {
    "awaited-steps": "cancel_timeout",
    "steps-on-loop": "cancel_timeout",
    "run-in-executor": "cancel_blocking",
    "token": "cancel_token",
    "killed": "cancel_process",
}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=positive_int, default=6,
                        help="CPU steps of the job")
    parser.add_argument("--limit", type=positive_int, default=15_000,
                        help="size of one CPU step")
    parser.add_argument("--ways", nargs="+", choices=list(WAYS), default=list(WAYS))
    args = parser.parse_args()

    step_cpu = calibrate(args.limit)
    for way in args.ways:
        wall, cpu, progress, after, after_giving_up, cancelled = run_way(
            way, args.steps, args.limit, step_cpu)
        emit(WAYS[way], wall, cpu, limit=args.limit, variant=way,
             verdict=verdict(progress, after_giving_up, step_cpu),
             step_s=round(step_cpu, 6),
             steps_started=progress.started, steps_finished=progress.finished,
             cpu_after_deadline_ms=round(after * 1000, 3))
        said = "" if cancelled is None else f"Future.cancel() returned {cancelled}; "
        print(f"  {way}: {said}{progress.started} steps started, "
              f"{progress.finished} finished, {after * 1000:.1f} ms CPU after the "
              "deadline", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("stopped by Ctrl-C", file=sys.stderr)
        os._exit(130)
