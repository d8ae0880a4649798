"""Right answer: loop.run_in_executor(None, ...) for fetches; as_completed with index bookkeeping.

crunch_all submits every number to the pool with run_in_executor, collects the
results with asyncio.as_completed as they finish and puts each in its slot, and
shuts the pool down explicitly in a ``finally``.

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
import os
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
    loop = asyncio.get_running_loop()
    futures = [loop.run_in_executor(None, blocking_fetch, url) for url in urls]
    return [await future for future in futures]  # all started already: order kept


async def _indexed(index: int, future: asyncio.Future[int]) -> tuple[int, int]:
    return index, await future


async def crunch_all(numbers: Sequence[int]) -> list[int]:
    """Run ``cpu_heavy`` for every number in a process pool, concurrently.

    Returns the results in the order of ``numbers``. The pool is shut down
    before this returns (no worker process may be left running).
    """
    if not numbers:
        return []
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor(max_workers=min(len(numbers), os.cpu_count() or 1))
    try:
        results: list[int | None] = [None] * len(numbers)
        jobs = [_indexed(i, loop.run_in_executor(pool, cpu_heavy, n))
                for i, n in enumerate(numbers)]
        for finished in asyncio.as_completed(jobs):
            index, value = await finished
            results[index] = value
        return [value for value in results if value is not None]
    finally:
        pool.shutdown(wait=True)
