"""worker cleans up but swallows CancelledError, so its task ends normally."""
# expect: worker_swallowed
from __future__ import annotations

import asyncio

from solutions.ex11_cancellation.cancellation import *  # noqa: F403


async def worker(log: list[str]) -> None:
    try:
        while True:
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        log.append("cleanup")
