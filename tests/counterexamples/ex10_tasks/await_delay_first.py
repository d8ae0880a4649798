"""Awaits the delay task before ticking, so no tick runs while it waits."""
# expect: no_ticks
from __future__ import annotations

import asyncio

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import delay


async def count_while_waiting(seconds: float, tick: float) -> int:
    waiting = asyncio.create_task(delay(seconds))
    await waiting  # the delay is over before the first tick
    ticks = 0
    while not waiting.done():  # already done: no tick ever runs
        await asyncio.sleep(tick)
        ticks += 1
    return ticks
