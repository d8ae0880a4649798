"""Calls asyncio.sleep without await in hello_world_message, so nothing waits."""
# expect: no_sleep
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def hello_world_message() -> str:
    asyncio.sleep(1)  # makes a coroutine object and drops it: no sleep happens
    return "Hello World!"


adopt(_reference, globals())  # the rest is the reference's
