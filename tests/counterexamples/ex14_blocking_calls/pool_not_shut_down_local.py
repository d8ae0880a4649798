"""Makes a process pool inside crunch_all and just drops it: it is never shut down."""
# expect: pool_left_running
from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import cpu_heavy
from tests.support.variant import adopt


async def crunch_all(numbers):
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor()  # no `with`, no shutdown(): left to garbage collection
    futures = [loop.run_in_executor(pool, cpu_heavy, n) for n in numbers]
    return list(await asyncio.gather(*futures))


adopt(_reference, globals())  # the rest is the reference's
