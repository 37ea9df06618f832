"""Refusing work you cannot do, in Python: queues and a semaphore.

Channels: a producer makes --items items of --item-bytes each as fast as it
can; a consumer takes one every --consume seconds. Through asyncio.Queue()
the items pile up in the queue, and the process's memory with them; through
asyncio.Queue(maxsize=N) the producer waits at put() whenever N items wait,
so it runs at the consumer's pace and memory stays flat.

Semaphore: --requests requests to a slow service on 127.0.0.1 (io_calls.py's,
which answers after --wait seconds), all at once, then with at most
--permits in flight (asyncio.Semaphore): memory, latency, failures.

Memory is the resident size (/proc/self/statm), sampled every --sample
seconds; its peak is reported. Latency is an item's time from being made to
being consumed, or a request's from being asked to being answered (waiting
for a permit included); throughput is items (requests) per second of wall time.
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
        self.peak_memory = resident_bytes()
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


# ANCHOR: channel
async def producer(queue, items, item_bytes):
    for i in range(items):
        item = bytes([i % 256]) * item_bytes  # written: resident at once
        await queue.put((time.perf_counter(), item))  # waits only when full
        await asyncio.sleep(0)  # an unbounded put never waits: let others run


async def consumer(queue, items, consume, latencies):
    for _ in range(items):
        made, _item = await queue.get()
        await asyncio.sleep(consume)  # the slow work on one item
        latencies.append(time.perf_counter() - made)


async def channel(bound, items, item_bytes, consume, sample):
    """bound 0: asyncio.Queue(), no bound; else asyncio.Queue(maxsize=bound)."""
    queue = asyncio.Queue(maxsize=bound)
    latencies = []
    sampler = Sampler(sample, queue)
    started = time.perf_counter()
    producing = asyncio.create_task(producer(queue, items, item_bytes))
    await sampled(sampler, consumer(queue, items, consume, latencies))
    await producing
    return latencies, sampler, time.perf_counter() - started
# ANCHOR_END: channel


# ANCHOR: semaphore
async def request(port, client, permits, latencies, failures):
    started = time.perf_counter()
    try:
        if permits is None:
            await asyncio.wait_for(call_async(port, client), TIMEOUT)
        else:
            async with permits:  # waits while the cap is in flight
                await asyncio.wait_for(call_async(port, client), TIMEOUT)
        latencies.append(time.perf_counter() - started)
    except (OSError, asyncio.TimeoutError) as err:
        failures.append(str(err) or "timed out")


async def requests(port, n, cap, sample):
    """n requests at once; with a cap, at most `cap` in flight."""
    permits = None if cap is None else asyncio.Semaphore(cap)
    latencies, failures = [], []
    sampler = Sampler(sample)
    await sampled(sampler, asyncio.gather(
        *(request(port, c, permits, latencies, failures) for c in range(1, n + 1))))
    return latencies, failures, sampler
# ANCHOR_END: semaphore


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
    for bound in [args.bound, 0]:
        watch = Stopwatch()
        latencies, sampler, took = asyncio.run(
            channel(bound, args.items, args.item_bytes, args.consume, args.sample))
        wall, cpu = watch.stop()
        fields = {"bound": bound} if bound else {}
        emit("channel_bounded" if bound else "channel_unbounded", wall, cpu,
             calls=args.items, limit=0, variant="asyncio-queue",
             peak_memory_bytes=sampler.peak_memory,
             throughput_per_s=round(args.items / took, 3),
             **latency_fields(latencies), **fields)
        print(f"  the queue held at most {sampler.peak_queue} items "
              f"({'maxsize ' + str(bound) if bound else 'no maxsize'})", file=sys.stderr)


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
                 throughput_per_s=round(n / wall, 3), failures=len(failures),
                 **latency_fields(latencies), **fields)
            if failures:
                print(f"  FAILED: {len(failures)}: {failures[0]}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=positive_int, default=2_000)
    parser.add_argument("--item-bytes", type=positive_int, default=64 * 1024)
    parser.add_argument("--bound", type=positive_int, default=16,
                        help="the bounded queue's maxsize")
    parser.add_argument("--consume", type=float, default=0.001,
                        help="seconds the consumer spends on one item")
    parser.add_argument("--requests", type=positive_int, default=10_000)
    parser.add_argument("--permits", type=positive_int, default=100,
                        help="requests in flight at most, capped")
    parser.add_argument("--wait", type=float, default=0.1,
                        help="seconds the service waits before it answers")
    parser.add_argument("--sample", type=float, default=0.01,
                        help="seconds between memory samples")
    parser.add_argument("--only", choices=["channels", "semaphore"],
                        help="run only the channels, or only the semaphore")
    args = parser.parse_args()
    if args.only != "semaphore":
        channels(args)
    if args.only != "channels":
        semaphore(args)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("stopped by Ctrl-C", file=sys.stderr)
        os._exit(130)
