"""Prints both lines of delay up front, then sleeps."""
# expect: finished_line_early
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def delay(seconds: float) -> float:
    print(f"sleeping for {seconds} second(s)")
    print(f"finished sleeping for {seconds} second(s)")  # before the sleep has even begun
    await asyncio.sleep(seconds)
    return seconds


adopt(_reference, globals())  # the rest is the reference's
