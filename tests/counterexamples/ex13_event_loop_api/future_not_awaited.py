"""future_after returns the future itself instead of awaiting it."""
# expect: not_value
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


async def future_after(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(seconds, future.set_result, value)
    return future


adopt(_reference, globals())  # the rest is the reference's
