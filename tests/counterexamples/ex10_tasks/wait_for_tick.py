"""Waits one tick with asyncio.wait_for(task, tick): the first timeout cancels the delay task."""
# expect: delay_cancelled
from __future__ import annotations

import asyncio

from solutions.ex10_tasks import tasks as _reference
from solutions.ex10_tasks.tasks import delay
from tests.support.variant import adopt


async def count_while_waiting(seconds: float, tick: float) -> int:
    waiting = asyncio.create_task(delay(seconds))
    ticks = 0
    while not waiting.done():
        try:
            await asyncio.wait_for(waiting, tick)  # on timeout wait_for cancels `waiting`
        except TimeoutError:
            ticks += 1
    return ticks


adopt(_reference, globals())  # the rest is the reference's (delay among them)
