"""Awaits every executor future before submitting the next one."""
# expect: one_at_a_time, cpu_one_at_a_time

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
    return [await asyncio.to_thread(blocking_fetch, u) for u in urls]


async def crunch_all(numbers: Sequence[int]) -> list[int]:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return [await loop.run_in_executor(pool, cpu_heavy, n) for n in numbers]
