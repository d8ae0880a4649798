"""Awaits every executor future before submitting the next one."""
# expect: one_at_a_time, cpu_one_at_a_time
from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import blocking_fetch, cpu_heavy
from tests.support.variant import adopt


async def fetch_all(urls):
    return [await asyncio.to_thread(blocking_fetch, u) for u in urls]


async def crunch_all(numbers):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return [await loop.run_in_executor(pool, cpu_heavy, n) for n in numbers]


adopt(_reference, globals())  # the rest is the reference's
