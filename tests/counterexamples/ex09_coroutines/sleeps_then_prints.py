"""Sleeps first in delay, then prints both lines."""
# expect: sleeping_line_late
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def delay(seconds: float) -> float:
    await asyncio.sleep(seconds)  # nothing printed while it sleeps
    print(f"sleeping for {seconds} second(s)")
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


adopt(_reference, globals())  # the rest is the reference's
