"""The hybrid in Python: an asyncio loop keeps a heartbeat while a
ProcessPoolExecutor of N workers runs the 20 CPU-bound calls, handed over
with loop.run_in_executor. The heartbeat's worst lateness shows whether the
loop stayed responsive (it does: the loop only awaits futures).
"""

import argparse
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

from workload import DEFAULT_LIMIT, Stopwatch, cores, emit, fingerprint, positive_int, \
    product_below


def call(limit):
    return fingerprint(product_below(limit))


# ANCHOR: hybrid
async def hybrid(calls, limit, workers, period):
    loop = asyncio.get_running_loop()
    lateness = []
    done = asyncio.Event()

    async def heartbeat():
        due = loop.time() + period
        while not done.is_set():
            await asyncio.sleep(max(0.0, due - loop.time()))
            lateness.append(loop.time() - due)
            due += period

    beating = asyncio.create_task(heartbeat())
    with ProcessPoolExecutor(workers) as pool:
        results = await asyncio.gather(
            *(loop.run_in_executor(pool, call, limit) for _ in range(calls)))
    done.set()
    await beating
    return results, lateness
# ANCHOR_END: hybrid


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=positive_int, default=20)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    parser.add_argument("--workers", type=positive_int, default=cores())
    parser.add_argument("--heartbeat", type=float, default=0.1, help="seconds")
    args = parser.parse_args()

    watch = Stopwatch()
    results, lateness = asyncio.run(hybrid(args.calls, args.limit, args.workers,
                                           args.heartbeat))
    wall, cpu = watch.stop()
    worst = max(lateness, default=0.0)
    late = sum(1 for late in lateness if late > args.heartbeat / 2)
    emit("hybrid", wall, cpu, calls=args.calls, limit=args.limit, workers=args.workers,
         fingerprint=results[-1], ticks=len(lateness), interval_s=args.heartbeat,
         worst_lateness_s=round(worst, 6), late_ticks=late, variant="processes",
         verdict="late" if late else "on time")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        import sys
        print("stopped by Ctrl-C", file=sys.stderr)
        sys.exit(130)
