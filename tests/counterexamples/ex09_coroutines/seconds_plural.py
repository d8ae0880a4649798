"""Prints 'seconds' instead of the exact 'second(s)' wording."""
# expect: wrong_output
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def delay(seconds: float) -> float:
    print(f"sleeping for {seconds} seconds")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


adopt(_reference, globals())  # the rest is the reference's
