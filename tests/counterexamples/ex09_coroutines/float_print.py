"""Turns the seconds into a float in delay: delay(1) prints 1.0 instead of 1."""
# expect: wrong_output
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def delay(seconds: float) -> float:
    seconds = float(seconds)  # 1 becomes 1.0, and is printed so
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


adopt(_reference, globals())  # the rest is the reference's
