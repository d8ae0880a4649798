"""Waits for the cancelled leftovers with gather but without return_exceptions=True."""
# expect: cancelled_escaped
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


def _cancel_leftovers(loop):
    leftovers = asyncio.all_tasks(loop)
    for task in leftovers:
        task.cancel()
    if leftovers:
        loop.run_until_complete(asyncio.gather(*leftovers))  # re-raises their CancelledError


adopt(_reference, globals())  # the rest is the reference's
