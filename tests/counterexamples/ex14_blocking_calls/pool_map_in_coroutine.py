"""Uses the process pool, but waits for pool.map on the loop's thread."""
# expect: blocks_loop_cpu
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import cpu_heavy
from tests.support.variant import adopt


async def crunch_all(numbers):
    with ProcessPoolExecutor() as pool:
        return list(pool.map(cpu_heavy, numbers))  # waits on the loop's thread


adopt(_reference, globals())  # the rest is the reference's
