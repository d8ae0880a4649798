"""Keeps one module-level process pool and never shuts it down."""
# expect: pool_left_running
from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import cpu_heavy
from tests.support.variant import adopt

_POOL: ProcessPoolExecutor | None = None


async def crunch_all(numbers):
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor()
    loop = asyncio.get_running_loop()
    return list(await asyncio.gather(*(loop.run_in_executor(_POOL, cpu_heavy, n)
                                       for n in numbers)))


adopt(_reference, globals())  # the rest is the reference's
