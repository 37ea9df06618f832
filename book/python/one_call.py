"""One call of the workload: the unit every other experiment is made of.

With --repeat R the call runs R times and the fastest run is reported: one
short call is easily slowed by whatever else the machine is doing.
"""

import argparse

from workload import DEFAULT_LIMIT, Stopwatch, emit, fingerprint, positive_int, product_below


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    parser.add_argument("--repeat", type=positive_int, default=1, help="runs; the fastest is reported")
    args = parser.parse_args()

    runs = []
    for _ in range(args.repeat):
        watch = Stopwatch()
        result = product_below(args.limit)
        runs.append(watch.stop())
    wall, cpu = min(runs)
    emit("one_call", wall, cpu, calls=1, limit=args.limit, fingerprint=fingerprint(result))


if __name__ == "__main__":
    main()
