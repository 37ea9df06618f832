"""The same product three ways: the article's loop, math.factorial, a tree.

The loop multiplies a growing number by one small number at a time.
math.factorial(limit - 1) gives the same number (the product of 1..limit-1)
from C, by a divide-and-conquer product. product_tree below is that idea in
plain Python: split the range in halves, multiply each half the same way,
then multiply the two halves, so both operands keep about the same size.

Each way runs --calls times one after another; the record gives the median
time of one call in step_s and the total in wall_s.
"""

import argparse
import math
import statistics

from workload import DEFAULT_LIMIT, Stopwatch, emit, fingerprint, positive_int, product_below


# ANCHOR: product_tree
def product_range(low, high):
    """The product of every integer in range(low, high), as a balanced tree."""
    if high - low <= 16:
        z = 1
        for x in range(low, high):
            z *= x
        return z
    middle = (low + high) // 2
    return product_range(low, middle) * product_range(middle, high)


def product_tree(limit):
    """The same product as product_below(limit), by the tree."""
    return product_range(1, max(limit, 1))
# ANCHOR_END: product_tree


def factorial_below(limit):
    """The same product again, by CPython's own math.factorial."""
    return math.factorial(max(limit - 1, 0))


ALGORITHMS = {
    "loop": product_below,
    "math-factorial": factorial_below,
    "tree": product_tree,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=positive_int, default=5)
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT)
    parser.add_argument("--algorithms", nargs="+", choices=list(ALGORITHMS),
                        default=list(ALGORITHMS))
    args = parser.parse_args()

    expected = None
    for name in args.algorithms:
        function = ALGORITHMS[name]
        steps = []
        watch = Stopwatch()
        for _ in range(args.calls):
            step = Stopwatch()
            result = function(args.limit)
            steps.append(step.stop()[0])
        wall, cpu = watch.stop()
        # The same number from every algorithm, or the comparison is void.
        if expected is None:
            expected = result
        elif result != expected:
            raise SystemExit(f"error: {name} gave a different product")
        emit("algorithm", wall, cpu, calls=args.calls, limit=args.limit,
             fingerprint=fingerprint(result), variant=name,
             step_s=round(statistics.median(steps), 6))


if __name__ == "__main__":
    main()
