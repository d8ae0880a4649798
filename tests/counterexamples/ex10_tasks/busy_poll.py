"""delay_all waits for its tasks in a loop without await, so they never get to run."""
# expect: loop_frozen
from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.ex10_tasks import tasks as _reference
from solutions.ex10_tasks.tasks import delay
from tests.support.variant import adopt


async def delay_all(seconds: Sequence[float]) -> list[float]:
    tasks = [asyncio.create_task(delay(s)) for s in seconds]
    while not all(task.done() for task in tasks):
        pass  # never gives the loop back: the tasks cannot run
    return [task.result() for task in tasks]


adopt(_reference, globals())  # the rest is the reference's (delay among them)
