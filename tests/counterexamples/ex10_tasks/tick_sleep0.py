"""Ticks with asyncio.sleep(0) instead of sleep(tick): a busy wait that never lets the loop idle."""
# expect: tick_never_idle
from __future__ import annotations

import asyncio

from solutions.ex10_tasks import tasks as _reference
from solutions.ex10_tasks.tasks import delay
from tests.support.variant import adopt


async def count_while_waiting(seconds: float, tick: float) -> int:
    waiting = asyncio.create_task(delay(seconds))
    ticks = 0
    while not waiting.done():
        await asyncio.sleep(0)  # gives the loop back, but is ready to run again at once
        ticks += 1
    await waiting
    return ticks


adopt(_reference, globals())  # the rest is the reference's (delay among them)
