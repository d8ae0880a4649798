"""Cancels the leftover tasks but never runs the loop to let them finish."""
# expect: leftover_not_awaited
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


def _cancel_leftovers(loop):
    for task in asyncio.all_tasks(loop):
        task.cancel()  # asked to stop, but the loop never runs again for them


adopt(_reference, globals())  # the rest is the reference's
