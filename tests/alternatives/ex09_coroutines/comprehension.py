"""Right answer: sleep(1, result=...), print with several arguments, sum of awaits in a list.

sequential_sum awaits inside a list comprehension (still one delay after the other),
delay prints its lines with print's own separator instead of an f-string, and
hello_world_message lets asyncio.sleep hand back the text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def add_one(number: int) -> int:
    """Return ``number + 1`` — from a coroutine."""
    result = number + 1
    return result


def run_add_one(number: int) -> int:
    """Run ``add_one(number)`` with ``asyncio.run`` and return its result (a plain function)."""
    coroutine = add_one(number)  # nothing runs yet: this is only a coroutine object
    return asyncio.run(coroutine)


async def hello_world_message() -> str:
    """Wait one second without blocking the event loop, then return ``"Hello World!"``."""
    return await asyncio.sleep(1, result="Hello World!")


async def delay(seconds: float) -> float:
    """Print ``sleeping for {seconds} second(s)``, sleep on the loop, print
    ``finished sleeping for {seconds} second(s)`` and return ``seconds``."""
    print("sleeping for", seconds, "second(s)")
    await asyncio.sleep(seconds)
    print("finished sleeping for", seconds, "second(s)")
    return seconds


async def sequential_sum(delays: Sequence[float]) -> float:
    """Await ``delay`` for each value, one after another, and return the total."""
    # An await inside a comprehension still finishes each delay before the next starts.
    return sum([await delay(seconds) for seconds in delays])
