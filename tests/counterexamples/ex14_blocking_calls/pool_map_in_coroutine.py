"""Uses the process pool, but waits for pool.map on the loop's thread."""
# expect: blocks_loop_cpu

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
    return list(await asyncio.gather(*(asyncio.to_thread(blocking_fetch, u) for u in urls)))


async def crunch_all(numbers: Sequence[int]) -> list[int]:
    with ProcessPoolExecutor() as pool:
        return list(pool.map(cpu_heavy, numbers))
