"""Requests to a slow service on 127.0.0.1: asyncio streams against threads.

A child process (this script with --serve) answers each request after
--wait seconds. N clients each make one request, as asyncio tasks on one
loop and as N threads; then --scale connections are opened at once, as
tasks and as threads, and what each connection cost is measured: start-up,
resident memory, failures. Socket calls release the GIL while they block
(Modules/socketmodule.c), so the threads overlap their waits.
"""

import argparse
import asyncio
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time

from workload import Stopwatch, emit, positive_int

THREAD_STACK = 256 * 1024  # threading.stack_size: small, but safe for Python frames
BACKLOG = 65535  # Linux caps it at net.core.somaxconn
TIMEOUT = 30.0


def raise_fd_limit():
    """Soft RLIMIT_NOFILE up to the hard one; returns the limit in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        return hard
    except (ValueError, OSError):
        return soft


def resident_bytes():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


# ANCHOR: serve
async def serve(port, wait):
    """The slow service: read one line, wait, send the same bytes back."""
    async def answer(reader, writer):
        try:
            request = await asyncio.wait_for(reader.readline(), TIMEOUT)
            await asyncio.sleep(wait)
            writer.write(request)
            await writer.drain()
        except (OSError, asyncio.TimeoutError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", port, backlog=BACKLOG)
    print(f"port {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()
# ANCHOR_END: serve


def serve_main(port, wait):
    # Ctrl-C is for the parent, which then stops this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise_fd_limit()
    # The parent holds our stdin: when it ends, in any way, so do we.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    try:
        asyncio.run(serve(port, wait))
    except OSError as err:
        print(f"error: the service cannot listen on 127.0.0.1:{port}: {err.strerror}",
              flush=True)
        sys.exit(2)


class Service:
    """The service as a child process; stopped (killed and reaped) on exit."""

    def __init__(self, wait, port):
        self.child = subprocess.Popen(
            [sys.executable, __file__, "--serve", "--wait", str(wait), "--port", str(port)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.child.stdout.readline().strip()
        if not line.startswith("port "):
            self.stop()
            print(line or "error: the service exited at once", file=sys.stderr)
            sys.exit(2)
        self.port = int(line.split()[1])

    def stop(self):
        self.child.kill()
        self.child.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def request_line(client):
    return f"call {client}\n".encode()


# ANCHOR: clients
async def call_async(port, client):
    """One request as a task: the loop runs other tasks while it waits."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request_line(client))
        await writer.drain()
        answer = await reader.read(64)
        if answer != request_line(client):
            raise OSError("the service sent back other bytes")
    finally:
        writer.close()


def call_blocking(port, client):
    """One request on a thread: recv() blocks, with the GIL released."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(request_line(client))
        answer = sock.recv(64)
        if answer != request_line(client):
            raise OSError("the service sent back other bytes")
# ANCHOR_END: clients


def most_at_once(spans):
    events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    now = most = 0
    for _, step in events:
        now += step
        most = max(most, now)
    return most


def timed(spans, failures, call, *args):
    start = time.perf_counter()
    try:
        call(*args)
        spans.append((start, time.perf_counter()))
    except OSError as err:
        failures.append(str(err))


async def timed_async(spans, failures, port, client):
    start = time.perf_counter()
    try:
        await asyncio.wait_for(call_async(port, client), TIMEOUT)
        spans.append((start, time.perf_counter()))
    except (OSError, asyncio.TimeoutError) as err:
        failures.append(str(err) or "timed out")


def calls_asyncio(port, clients):
    spans, failures = [], []

    async def main():
        await asyncio.gather(*(timed_async(spans, failures, port, c)
                               for c in range(1, clients + 1)))
    asyncio.run(main())
    return spans, failures


def calls_threads(port, clients):
    spans, failures = [], []
    threads = [threading.Thread(target=timed, daemon=True,
                                args=(spans, failures, call_blocking, port, c))
               for c in range(1, clients + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return spans, failures


# ANCHOR: scale
def scale_asyncio(port, n):
    """n connections as tasks, all open at once, then one request each."""
    result = {}

    async def main():
        gate = asyncio.Event()
        connected = 0
        all_connected = asyncio.Event()
        failures = []

        async def client(c):
            nonlocal connected
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", port), TIMEOUT)
            except (OSError, asyncio.TimeoutError) as err:
                failures.append(str(err) or "timed out")
                reader = None
            connected += 1
            if connected == n:
                all_connected.set()
            await gate.wait()
            if reader is None:
                return
            try:
                writer.write(request_line(c))
                await writer.drain()
                if await asyncio.wait_for(reader.read(64), TIMEOUT) != request_line(c):
                    failures.append("the service sent back other bytes")
            except (OSError, asyncio.TimeoutError) as err:
                failures.append(str(err) or "timed out")
            finally:
                writer.close()

        before = resident_bytes()
        started = time.perf_counter()
        tasks = [asyncio.create_task(client(c)) for c in range(1, n + 1)]
        await all_connected.wait()
        result["startup"] = time.perf_counter() - started
        during = resident_bytes()
        opened = time.perf_counter()
        gate.set()
        await asyncio.gather(*tasks)
        result["all_answered"] = time.perf_counter() - opened
        result["growth"] = max(0, during - before) if before and during else None
        result["failures"] = failures
    asyncio.run(main())
    return result


def scale_threads(port, n):
    """n connections, each on a thread with a small stack."""
    gate = threading.Event()
    lock = threading.Lock()
    state = {"connected": 0, "failures": []}
    all_connected = threading.Event()

    def client(c):
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        except OSError as err:
            sock = None
            with lock:
                state["failures"].append(str(err))
        with lock:
            state["connected"] += 1
            if state["connected"] == started_threads[0]:
                all_connected.set()
        gate.wait()
        if sock is None:
            return
        try:
            with sock:
                sock.sendall(request_line(c))
                if sock.recv(64) != request_line(c):
                    raise OSError("the service sent back other bytes")
        except OSError as err:
            with lock:
                state["failures"].append(str(err))

    threading.stack_size(THREAD_STACK)
    before = resident_bytes()
    started = time.perf_counter()
    threads, started_threads, refused = [], [n], None
    for c in range(1, n + 1):
        # Daemon threads: after Ctrl-C, the program ends without waiting for
        # clients still parked at the gate.
        thread = threading.Thread(target=client, args=(c,), daemon=True)
        try:
            thread.start()
        except RuntimeError as err:
            refused = str(err)
            break
        threads.append(thread)
    with lock:
        started_threads[0] = len(threads)
        if state["connected"] >= len(threads):
            all_connected.set()
    all_connected.wait()
    startup = time.perf_counter() - started
    during = resident_bytes()
    opened = time.perf_counter()
    gate.set()
    for thread in threads:
        thread.join()
    return {"startup": startup, "all_answered": time.perf_counter() - opened,
            "growth": max(0, during - before) if before and during else None,
            "failures": state["failures"], "started": len(threads), "refused": refused}
# ANCHOR_END: scale


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=positive_int, default=20)
    parser.add_argument("--wait", type=float, default=0.1, help="seconds")
    parser.add_argument("--scale", type=int, default=10_000,
                        help="connections in the scale-up (0: none)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--only", choices=["calls", "scale"],
                        help="run only the N clients, or only the scale-up")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve_main(args.port, args.wait)

    limit = raise_fd_limit()
    with Service(args.wait, args.port) as service:
        for variant, run in [("asyncio", calls_asyncio), ("threads", calls_threads)]:
            if args.only == "scale":
                break
            watch = Stopwatch()
            spans, failures = run(service.port, args.clients)
            wall, cpu = watch.stop()
            verdict = "concurrent" if most_at_once(spans) > 1 else "serialised"
            emit("io_calls", wall, cpu, calls=args.clients, limit=0,
                 variant=variant, verdict=verdict)
            if failures:
                print(f"FAILED: {len(failures)}: {failures[0]}", file=sys.stderr)
        n = 0 if args.only == "calls" else min(args.scale, max(limit - 64, 0))
        if n < args.scale and args.only != "calls":
            print(f"note: {limit} open files allowed: {n} connections fit", file=sys.stderr)
        for variant, run in [("asyncio", scale_asyncio), ("threads", scale_threads)]:
            if n == 0:
                break
            watch = Stopwatch()
            result = run(service.port, n)
            wall, cpu = watch.stop()
            started = result.get("started", n)
            growth = result["growth"]
            emit("io_scale", wall, cpu, calls=started, limit=0, variant=variant,
                 startup_s=round(result["startup"] / started, 9),
                 memory_each_bytes=None if growth is None else round(growth / started, 1),
                 verdict=f"{len(result['failures'])} failed")
            if result["failures"]:
                print(f"FAILED: {len(result['failures'])}: {result['failures'][0]}",
                      file=sys.stderr)
            if result.get("refused"):
                print(f"the OS refused thread {started + 1}: {result['refused']}",
                      file=sys.stderr)


def interrupt(signum, frame):
    """Ctrl-C: stop at once, wherever the program is. asyncio.run would
    otherwise install its own handler, which only cancels its main task,
    and a run that completes regardless carries on to the next part."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGINT, interrupt)
    try:
        main()
    except KeyboardInterrupt:
        # The service is already stopped (its `with` block has exited). End
        # now: no waiting for client threads, no warnings about the tasks
        # the interrupted loop left behind.
        print("stopped by Ctrl-C", file=sys.stderr, flush=True)
        os._exit(130)
