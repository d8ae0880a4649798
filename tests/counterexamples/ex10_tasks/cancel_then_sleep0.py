"""Cancels the other tasks on a failure, yields once with sleep(0) and re-raises: a cleanup
that takes time has not finished."""
# expect: siblings_not_awaited
from __future__ import annotations

import asyncio

from solutions.ex10_tasks import tasks as _reference
from tests.support.variant import adopt


async def _cancel_and_wait(tasks):
    for task in tasks:
        task.cancel()
    await asyncio.sleep(0)  # one turn of the loop: hopes the cancelled tasks are done by then


adopt(_reference, globals())  # the rest is the reference's
