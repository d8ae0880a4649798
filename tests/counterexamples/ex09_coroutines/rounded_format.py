"""Prints the seconds with a format spec ({seconds:g}) that rounds them."""
# expect: wrong_output
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def delay(seconds: float) -> float:
    print(f"sleeping for {seconds:g} second(s)")  # 0.1 + 0.2 prints as 0.3
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds:g} second(s)")
    return seconds


adopt(_reference, globals())  # the rest is the reference's
