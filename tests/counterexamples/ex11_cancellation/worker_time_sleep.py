"""worker sleeps with time.sleep: its first step never returns, the event loop is frozen."""
# expect: loop_frozen
from __future__ import annotations

import asyncio
import time

from solutions.ex11_cancellation import cancellation as _reference
from tests.support.variant import adopt


async def worker(log: list[str]) -> None:
    try:
        while True:
            time.sleep(0.1)  # blocks the one thread: no other task, no timer, no cancel
    except asyncio.CancelledError:
        log.append("cleanup")
        raise


adopt(_reference, globals())  # the rest is the reference's
