"""Calls asyncio.sleep without await, so nothing waits."""
# expect: no_sleep
from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def add_one(number: int) -> int:
    """Return ``number + 1`` — from a coroutine."""
    # Nothing to wait for: a coroutine may simply compute and return.
    return number + 1


def run_add_one(number: int) -> int:
    """Run ``add_one(number)`` with ``asyncio.run`` and return its result (a plain function)."""
    # asyncio.run creates a new event loop, runs the coroutine to the end,
    # closes the loop and hands back the coroutine's return value.
    return asyncio.run(add_one(number))


async def hello_world_message() -> str:
    """Wait one second without blocking the event loop, then return ``"Hello World!"``."""
    # asyncio.sleep suspends this coroutine; the loop is free to run others meanwhile.
    asyncio.sleep(1)
    return "Hello World!"


async def delay(seconds: float) -> float:
    """Print ``sleeping for {seconds} second(s)``, sleep on the loop, print
    ``finished sleeping for {seconds} second(s)`` and return ``seconds``."""
    print(f"sleeping for {seconds} second(s)")
    # time.sleep here would freeze the whole loop; asyncio.sleep only pauses this coroutine.
    asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def sequential_sum(delays: Sequence[float]) -> float:
    """Await ``delay`` for each value, one after another, and return the total."""
    total: float = 0
    for seconds in delays:
        # Awaiting a coroutine directly runs it to the end before the next line:
        # the delays add up (ex10 shows how to overlap them with tasks).
        total += await delay(seconds)
    return total
