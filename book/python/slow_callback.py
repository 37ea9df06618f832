"""asyncio's own slow-callback warning, for chapter 2's page "Where should CPU
work go?": a ticker and a chain of CPU steps as two tasks on one loop in
debug mode. Each CPU step runs inside one step of its task, so asyncio logs
it on stderr: "Executing <Task ... name='cpu steps' ...> took N seconds".
"""

import argparse
import asyncio
import time

from workload import positive_int, product_below


async def ticker(ticks, interval):
    start = time.perf_counter()
    for number in range(1, ticks + 1):
        if number > 1:
            await asyncio.sleep(interval)
        print(f"tick {number} at {time.perf_counter() - start:.3f} s", flush=True)


async def cpu_steps(limit):
    while True:
        product_below(limit)  # holds the loop: nothing else runs meanwhile
        await asyncio.sleep(0)  # ends the task's step, like call_soon


# ANCHOR: debug_mode
async def main(args):
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.1  # seconds; 0.1 is also the default
    steps = asyncio.create_task(cpu_steps(args.limit), name="cpu steps")
    await asyncio.create_task(ticker(args.ticks, args.interval), name="ticker")
    steps.cancel()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ticks", type=positive_int, default=2)
    parser.add_argument("--interval", type=float, default=0.05, help="seconds")
    parser.add_argument("--limit", type=positive_int, default=40_000)
    asyncio.run(main(parser.parse_args()), debug=True)  # or PYTHONASYNCIODEBUG=1
# ANCHOR_END: debug_mode
