"""One call of the workload: the unit every other experiment is made of."""

import argparse

from workload import DEFAULT_LIMIT, Stopwatch, emit, fingerprint, positive_int, product_below


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    args = parser.parse_args()

    watch = Stopwatch()
    result = product_below(args.limit)
    wall, cpu = watch.stop()
    emit("one_call", wall, cpu, calls=1, limit=args.limit, fingerprint=fingerprint(result))


if __name__ == "__main__":
    main()
