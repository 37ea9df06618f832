"""The calls on one thread each. Under CPython's GIL only one runs at a time."""

import argparse
import threading

from workload import DEFAULT_LIMIT, Stopwatch, emit, fingerprint, positive_int, product_below


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=positive_int, default=20)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    args = parser.parse_args()

    results = [None] * args.calls

    def call(index):
        results[index] = fingerprint(product_below(args.limit))

    watch = Stopwatch()
    threads = [threading.Thread(target=call, args=(i,)) for i in range(args.calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall, cpu = watch.stop()
    emit("threads", wall, cpu, calls=args.calls, limit=args.limit, workers=args.calls,
         fingerprint=results[-1])


if __name__ == "__main__":
    main()
