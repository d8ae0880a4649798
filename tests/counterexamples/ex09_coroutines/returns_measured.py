"""Returns the time delay measured on the loop's clock instead of the seconds it was given."""
# expect: returned_measured
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def delay(seconds: float) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return loop.time() - start  # "how long it really slept"


adopt(_reference, globals())  # the rest is the reference's
