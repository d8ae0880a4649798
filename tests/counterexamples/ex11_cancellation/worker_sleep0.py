"""worker loops on asyncio.sleep(0): a busy loop that never lets the event loop idle."""
# expect: worker_spins
from __future__ import annotations

import asyncio

from solutions.ex11_cancellation import cancellation as _reference
from tests.support.variant import adopt


async def worker(log: list[str]) -> None:
    try:
        while True:
            await asyncio.sleep(0)  # gives the loop back, but is ready to run again at once
    except asyncio.CancelledError:
        log.append("cleanup")
        raise


adopt(_reference, globals())  # the rest is the reference's
