"""Exercise 14 — blocking calls and CPU work inside coroutines (reference solution).

Task 1: ``fetch_all`` — run ``blocking_fetch`` for every URL in threads, all at once.
Task 2: ``crunch_all`` — run ``cpu_heavy`` for every number in a process pool, all at once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

FETCH_SECONDS = 0.2  # how long one pretend HTTP request blocks its thread


def blocking_fetch(url: str) -> int:
    """Pretend to GET ``url`` with a *blocking* HTTP library (given, do not change)."""
    time.sleep(FETCH_SECONDS)
    parts = url.rstrip("/").rsplit("/", 2)
    if len(parts) == 3 and parts[1] == "status" and parts[2].isdigit():
        return int(parts[2])
    return 200


def cpu_heavy(n: int) -> int:
    """Sum of the squares of 0 .. n-1, the slow way (given, do not change)."""
    total = 0
    for i in range(n):
        total += i * i
    return total


async def fetch_all(urls: Sequence[str]) -> list[int]:
    """Run ``blocking_fetch`` for every URL concurrently, without blocking the loop."""
    # Each call blocks a worker thread of the default executor, never the loop's
    # thread; gather starts them all at once and keeps the input order.
    return list(await asyncio.gather(*(asyncio.to_thread(blocking_fetch, url) for url in urls)))


async def crunch_all(numbers: Sequence[int]) -> list[int]:
    """Run ``cpu_heavy`` for every number in a process pool, concurrently."""
    loop = asyncio.get_running_loop()
    # Processes, not threads: each worker has its own interpreter and its own GIL.
    # Leaving the `with` block shuts the pool down, so no worker outlives the call.
    with ProcessPoolExecutor() as pool:
        # Submit everything first, then wait for all the futures together.
        futures = [loop.run_in_executor(pool, cpu_heavy, n) for n in numbers]
        return list(await asyncio.gather(*futures))
