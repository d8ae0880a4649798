"""Right answer: a TaskGroup of asyncio.to_thread tasks; crunch_all uses asyncio.wait.

crunch_all uses an explicit "spawn" multiprocessing context for the pool and
asyncio.wait(ALL_COMPLETED) on the run_in_executor futures, then reads each
future's result in input order.

Exercise 14 — blocking calls and CPU work inside coroutines.

A coroutine that calls a blocking function (``time.sleep``, a blocking HTTP
library, a long pure-Python computation) freezes the whole event loop: no other
task runs until that call returns. Move such work off the loop: blocking I/O to
threads, CPU-heavy work to processes.

Task 1: ``fetch_all`` — run ``blocking_fetch`` for every URL in threads, all at once.
Task 2: ``crunch_all`` — run ``cpu_heavy`` for every number in a process pool, all at once.

Check your work with ``nox -s check-ex14``.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

FETCH_SECONDS = 0.2  # how long one pretend HTTP request blocks its thread


def blocking_fetch(url: str) -> int:
    """Pretend to GET ``url`` with a *blocking* HTTP library (given, do not change).

    Blocks the calling thread for ``FETCH_SECONDS`` and returns the status code:
    the number after ``/status/`` in the URL (``.../status/404`` gives 404), else 200.
    """
    time.sleep(FETCH_SECONDS)
    parts = url.rstrip("/").rsplit("/", 2)
    if len(parts) == 3 and parts[1] == "status" and parts[2].isdigit():
        return int(parts[2])
    return 200


def cpu_heavy(n: int) -> int:
    """Sum of the squares of 0 .. n-1, the slow way (given, do not change).

    Pure Python: it holds the GIL the whole time, so threads cannot run two of
    these at once — only separate processes can.
    """
    total = 0
    for i in range(n):
        total += i * i
    return total


async def fetch_all(urls: Sequence[str]) -> list[int]:
    """Run ``blocking_fetch`` for every URL concurrently, without blocking the loop.

    Returns the status codes in the order of ``urls``. ``fetch_all([])`` gives ``[]``.
    """
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(asyncio.to_thread(blocking_fetch, url)) for url in urls]
    return [task.result() for task in tasks]


async def crunch_all(numbers: Sequence[int]) -> list[int]:
    """Run ``cpu_heavy`` for every number in a process pool, concurrently.

    Returns the results in the order of ``numbers``. The pool is shut down
    before this returns (no worker process may be left running).
    """
    if not numbers:
        return []
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [loop.run_in_executor(pool, cpu_heavy, n) for n in numbers]
        await asyncio.wait(futures)
        return [future.result() for future in futures]
