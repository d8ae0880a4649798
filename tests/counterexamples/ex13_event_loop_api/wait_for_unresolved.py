"""future_after waits out a timeout around a future that nothing ever resolves."""
# expect: future_not_resolved
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


async def future_after(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    try:
        await asyncio.wait_for(future, seconds)  # nothing sets it: the timeout ends the wait
    except TimeoutError:
        pass
    return value


adopt(_reference, globals())  # the rest is the reference's
