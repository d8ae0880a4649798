"""Crunches in a process pool with a single worker."""
# expect: not_parallel, cpu_one_at_a_time
from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import cpu_heavy
from tests.support.variant import adopt


async def crunch_all(numbers):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=1) as pool:
        return list(await asyncio.gather(*(loop.run_in_executor(pool, cpu_heavy, n)
                                           for n in numbers)))


adopt(_reference, globals())  # the rest is the reference's
