"""The calls on an asyncio event loop, one after another.

Each call is a callback that schedules the next one with call_soon, and the
last one stops the loop: CPU work on a loop runs strictly in sequence.
"""

import argparse
import asyncio

from workload import DEFAULT_LIMIT, Stopwatch, emit, fingerprint, positive_int, product_below


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=positive_int, default=20)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    args = parser.parse_args()

    results = []
    loop = asyncio.new_event_loop()

    def step(call):
        results.append(fingerprint(product_below(args.limit)))
        if call + 1 < args.calls:
            loop.call_soon(step, call + 1)
        else:
            loop.stop()

    watch = Stopwatch()
    loop.call_soon(step, 0)
    loop.run_forever()
    wall, cpu = watch.stop()
    loop.close()
    emit("sequential", wall, cpu, calls=args.calls, limit=args.limit, fingerprint=results[-1])


if __name__ == "__main__":
    main()
