"""future_after sets the result with call_soon, forgetting the delay."""
# expect: wrong_delay
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


async def future_after(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_soon(future.set_result, value)  # the delay is forgotten
    return await future


adopt(_reference, globals())  # the rest is the reference's
