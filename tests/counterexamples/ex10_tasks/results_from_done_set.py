"""Takes the results from the set asyncio.wait returns: set order, not input order."""
# expect: wrong_order
from __future__ import annotations

import asyncio

from solutions.ex10_tasks import tasks as _reference
from solutions.ex10_tasks.tasks import delay
from tests.support.variant import adopt


async def delay_all(seconds):
    tasks = [asyncio.create_task(delay(s)) for s in seconds]
    if not tasks:
        return []
    done, _ = await asyncio.wait(tasks)
    return [task.result() for task in done]  # a set: its order is not the input's


adopt(_reference, globals())  # the rest is the reference's
