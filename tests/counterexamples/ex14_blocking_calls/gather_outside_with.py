"""Leaves the pool's `with` block before awaiting the futures: its exit waits on the loop."""
# expect: blocks_loop_cpu
from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import cpu_heavy
from tests.support.variant import adopt


async def crunch_all(numbers):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        futures = [loop.run_in_executor(pool, cpu_heavy, n) for n in numbers]
    # the with block's exit ran pool.shutdown(wait=True) on the loop's thread
    return list(await asyncio.gather(*futures))


adopt(_reference, globals())  # the rest is the reference's
