"""A periodic ticker, a task with random waits and a chain of CPU-bound steps
on one asyncio loop. Reports the gaps between ticks: a tick cannot run while
a CPU step holds the loop, so the gaps grow by up to one step.
"""

import argparse
import asyncio
import random
import time

from workload import Stopwatch, emit, positive_int, product_below


def positive_seconds(text):
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} must be a positive number of seconds")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ticks", type=positive_int, default=5)
    parser.add_argument("--interval", type=positive_seconds, default=2.0, help="seconds")
    parser.add_argument("--limit", type=positive_int, default=40_000, help="size of one CPU step")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    loop = asyncio.new_event_loop()
    gaps = []
    steps = []
    last = time.perf_counter()

    def tick():
        nonlocal last
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
        if len(gaps) == args.ticks:
            loop.stop()
        else:
            loop.call_later(args.interval, tick)

    def wait_randomly():
        # Up to half an interval, as the article's waits (up to 1 s against 2 s).
        loop.call_later(rng.random() * args.interval / 2, wait_randomly)

    def cpu_step():
        started = time.perf_counter()
        product_below(args.limit)
        steps.append(time.perf_counter() - started)
        loop.call_soon(cpu_step)

    watch = Stopwatch()
    loop.call_soon(tick)
    loop.call_soon(wait_randomly)
    loop.call_soon(cpu_step)
    loop.run_forever()
    wall, cpu = watch.stop()
    loop.close()
    intervals = gaps[1:]  # the first tick has no predecessor
    emit("mixed_tasks", wall, cpu, ticks=args.ticks, interval_s=args.interval, limit=args.limit,
         max_gap_s=round(max(intervals, default=0.0), 6),
         worst_lateness_s=round(max((g - args.interval for g in intervals), default=0.0), 6),
         step_s=round(sorted(steps)[len(steps) // 2], 6) if steps else 0.0)


if __name__ == "__main__":
    main()
