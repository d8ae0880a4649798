"""Counts in a loop without await until the delay task is done."""
# expect: loop_blocked
from __future__ import annotations

import asyncio

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import delay


async def count_while_waiting(seconds: float, tick: float) -> int:
    waiting = asyncio.create_task(delay(seconds))
    ticks = 0
    while not waiting.done():
        ticks += 1
    await waiting
    return ticks
