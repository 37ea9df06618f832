"""The calls mapped onto a multiprocessing.Pool, for each pool size given.

Each worker process has its own interpreter and its own GIL, so the calls
run in parallel up to the number of cores.
"""

import argparse
from multiprocessing import Pool

from workload import DEFAULT_LIMIT, Stopwatch, emit, fingerprint, positive_int, product_below


def call(limit):
    return fingerprint(product_below(limit))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=positive_int, default=20)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    parser.add_argument("--workers", type=positive_int, nargs="+", default=[1, 2, 4, 8, 20])
    args = parser.parse_args()

    for workers in args.workers:
        # The pool's start-up is part of the measurement, as in the article.
        watch = Stopwatch()
        with Pool(workers) as pool:
            results = pool.map(call, [args.limit] * args.calls)
            pool.close()
            pool.join()  # reaped workers: their CPU time now counts as ours
        wall, cpu = watch.stop()
        emit("pool", wall, cpu, calls=args.calls, limit=args.limit, workers=workers,
             fingerprint=results[-1])


if __name__ == "__main__":
    main()
