"""Cancels the other tasks on a failure but re-raises before they finished cancelling."""
# expect: siblings_not_awaited
from __future__ import annotations

from solutions.ex10_tasks import tasks as _reference
from tests.support.variant import adopt


async def _cancel_and_wait(tasks):
    for task in tasks:
        task.cancel()  # asked to stop, but nobody waits until they have


adopt(_reference, globals())  # the rest is the reference's
