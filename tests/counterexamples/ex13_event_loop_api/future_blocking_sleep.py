"""future_after blocks the loop with time.sleep before setting the result."""
# expect: blocked_loop, wrong_delay
from __future__ import annotations

import asyncio
import time

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


async def future_after(seconds, value):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    time.sleep(seconds)  # blocks the whole loop
    future.set_result(value)
    return await future


adopt(_reference, globals())  # the rest is the reference's
