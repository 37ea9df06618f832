"""Refusing work you cannot do, in Python: queues and a semaphore.

Channels: a producer makes --items items of 4 KiB each as fast as it can; a
consumer takes 20, then pauses for a millisecond (a slow disk, a slow peer).
Through asyncio.Queue() the items pile up in the queue, and the process's
memory with them; through asyncio.Queue(maxsize=N) the producer waits at
put() whenever N items wait, so it runs at the consumer's pace and memory
stays flat. The bounded queue runs first (see below).

Semaphore: --requests requests to a slow service on 127.0.0.1 (io_calls.py's,
which answers after --wait seconds), at most --permits in flight
(asyncio.Semaphore), then all at once: memory, latency, failures.

Memory is the resident size (/proc/self/statm), sampled every --sample
seconds; its peak is reported, and memory's verdict: "grew" when the peak
rose above the start by more than a tenth of all the items' bytes, else
"flat". Latency is an item's time from being made to
being consumed, or a request's from the moment all of them were wanted (at
once, at the start) to its answer, any wait for a permit included;
throughput is items (requests) per second of wall time.
"""

import argparse
import asyncio
import os
import statistics
import sys
import time

from io_calls import TIMEOUT, Service, call_async, raise_fd_limit
from workload import Stopwatch, emit, positive_int

PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes():
    """The process's resident memory, from /proc/self/statm (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


class Sampler:
    """Samples resident memory (and a queue's length) on the loop."""

    def __init__(self, every, queue=None):
        self.every, self.queue = every, queue
        self.start_memory = self.peak_memory = resident_bytes()
        self.peak_queue = 0

    def sample(self):
        self.peak_memory = max(self.peak_memory, resident_bytes())
        if self.queue is not None:
            self.peak_queue = max(self.peak_queue, self.queue.qsize())

    async def run(self):
        while True:
            self.sample()
            await asyncio.sleep(self.every)


async def sampled(sampler, work):
    """Runs `work` with `sampler` sampling beside it, once more at the end."""
    sampling = asyncio.create_task(sampler.run())
    try:
        return await work
    finally:
        sampling.cancel()
        sampler.sample()


# Each item's payload, and the consumer's pace: 20 items, then a pause.
ITEM_BYTES = 4096
BATCH, PAUSE = 20, 0.001


# ANCHOR: channel
async def producer(queue, items):
    for i in range(items):
        item = bytes([i % 256]) * ITEM_BYTES  # written: resident at once
        await queue.put((time.perf_counter(), item))  # waits only when full
        await asyncio.sleep(0)  # an unbounded put never waits: let others run


async def consumer(queue, items, latencies):
    for handled in range(1, items + 1):
        made, _item = await queue.get()
        latencies.append(time.perf_counter() - made)
        if handled % BATCH == 0:
            await asyncio.sleep(PAUSE)  # the slow part of the work


async def channel(bound, items, sample):
    """bound 0: asyncio.Queue(), no bound; else asyncio.Queue(maxsize=bound)."""
    queue = asyncio.Queue(maxsize=bound)
    latencies = []
    sampler = Sampler(sample, queue)
    started = time.perf_counter()
    producing = asyncio.create_task(producer(queue, items))
    await sampled(sampler, consumer(queue, items, latencies))
    await producing
    return latencies, sampler, time.perf_counter() - started
# ANCHOR_END: channel


async def request(port, client, wanted, latencies, failures):
    """One request to the service, its latency counted from `wanted`."""
    try:
        await asyncio.wait_for(call_async(port, client), TIMEOUT)
        latencies.append(time.perf_counter() - wanted)
    except (OSError, asyncio.TimeoutError) as err:
        failures.append(str(err) or "timed out")


# ANCHOR: uncapped
async def uncapped(port, n, latencies, failures):
    """n requests, all wanted now, all started at once."""
    wanted = time.perf_counter()
    await asyncio.gather(*(request(port, c, wanted, latencies, failures)
                           for c in range(1, n + 1)))
# ANCHOR_END: uncapped


# ANCHOR: capped
async def capped(port, n, cap, latencies, failures):
    """The same requests, at most `cap` in flight. The permit is taken
    before the task is made, so waiting requests cost no task either; their
    wait for a permit counts in their latency."""
    wanted = time.perf_counter()
    permits = asyncio.Semaphore(cap)

    async def one(client):
        try:
            await request(port, client, wanted, latencies, failures)
        finally:
            permits.release()  # the next request may start

    tasks = []
    for c in range(1, n + 1):
        await permits.acquire()
        tasks.append(asyncio.create_task(one(c)))
    await asyncio.gather(*tasks)
# ANCHOR_END: capped


async def requests(port, n, cap, sample):
    """n requests, uncapped (cap None) or capped."""
    latencies, failures = [], []
    sampler = Sampler(sample)
    work = (uncapped(port, n, latencies, failures) if cap is None
            else capped(port, n, cap, latencies, failures))
    await sampled(sampler, work)
    return latencies, failures, sampler


def latency_fields(latencies):
    return {
        "latency_median_ms": round(statistics.median(latencies) * 1000, 3)
        if latencies else 0.0,
        "latency_worst_ms": round(max(latencies, default=0.0) * 1000, 3),
    }


# Each way's peak is the highest resident size of the process, and memory a
# run frees stays resident: the way that needs less runs first, so that what
# the other left behind cannot count as its own.


def channels(args):
    asked = {0: "channel_unbounded", args.bound: "channel_bounded"}
    for bound in [args.bound, 0]:
        if asked[bound] not in args.only:
            continue
        watch = Stopwatch()
        latencies, sampler, took = asyncio.run(channel(bound, args.items, args.sample))
        wall, cpu = watch.stop()
        fields = {"bound": bound} if bound else {}
        growth = sampler.peak_memory - sampler.start_memory
        emit("channel_bounded" if bound else "channel_unbounded", wall, cpu,
             calls=args.items, limit=0,
             verdict="grew" if growth * 10 > args.items * ITEM_BYTES else "flat",
             peak_memory_bytes=sampler.peak_memory,
             throughput_per_s=round(args.items / took, 1),
             **latency_fields(latencies), **fields)
        bounded = f"maxsize {bound}" if bound else "no maxsize"
        print(f"  the queue held at most {sampler.peak_queue} items ({bounded})",
              file=sys.stderr)


def semaphore(args):
    limit = raise_fd_limit()
    n = min(args.requests, max(limit - 64, 1))
    if n < args.requests:
        print(f"note: {limit} open files allowed: {n} requests fit", file=sys.stderr)
    with Service(args.wait, 0) as service:
        for cap in [args.permits, None]:
            watch = Stopwatch()
            latencies, failures, sampler = asyncio.run(
                requests(service.port, n, cap, args.sample))
            wall, cpu = watch.stop()
            fields = {} if cap is None else {"bound": cap}
            emit("semaphore", wall, cpu, calls=n, limit=0,
                 variant="uncapped" if cap is None else "capped",
                 peak_memory_bytes=sampler.peak_memory,
                 throughput_per_s=round(n / wall, 1), failures=len(failures),
                 **latency_fields(latencies), **fields)
            if failures:
                print(f"  FAILED: {len(failures)}: {failures[0]}", file=sys.stderr)


EXPERIMENTS = ["channel_bounded", "channel_unbounded", "semaphore"]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=positive_int, default=20_000)
    parser.add_argument("--bound", type=positive_int, default=64,
                        help="the bounded queue's maxsize")
    parser.add_argument("--requests", type=positive_int, default=2_000)
    parser.add_argument("--permits", type=positive_int, default=100,
                        help="requests in flight at most, capped")
    parser.add_argument("--wait", type=float, default=0.05,
                        help="seconds the service waits before it answers")
    parser.add_argument("--sample", type=float, default=0.01,
                        help="seconds between memory samples")
    parser.add_argument("--only", nargs="+", default=EXPERIMENTS, choices=EXPERIMENTS,
                        help="run only these experiments (in this program's order)")
    args = parser.parse_args()
    channels(args)
    if "semaphore" in args.only:
        semaphore(args)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("stopped by Ctrl-C", file=sys.stderr)
        os._exit(130)
