"""Right answer: sleeps by letting asyncio.wait_for time out; while-loop sum by index.

sequential_sum walks the sequence by index; delay and hello_world_message sleep by waiting (with
asyncio.wait_for) on a future that never completes, so the timeout is the sleep.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def add_one(number: int) -> int:
    """Return ``number + 1`` — from a coroutine."""
    return number + 1


def run_add_one(number: int) -> int:
    """Run ``add_one(number)`` with ``asyncio.run`` and return its result (a plain function)."""
    result: int = asyncio.run(add_one(number))
    return result


async def _pause(seconds: float) -> None:
    """Sleep on the loop by letting a timeout expire on a future nobody completes."""
    never = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(never, seconds)
    except TimeoutError:
        pass


async def hello_world_message() -> str:
    """Wait one second without blocking the event loop, then return ``"Hello World!"``."""
    await _pause(1)
    return "Hello" + " " + "World!"


async def delay(seconds: float) -> float:
    """Print ``sleeping for {seconds} second(s)``, sleep on the loop, print
    ``finished sleeping for {seconds} second(s)`` and return ``seconds``."""
    print(f"sleeping for {seconds} second(s)")
    await _pause(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def sequential_sum(delays: Sequence[float]) -> float:
    """Await ``delay`` for each value, one after another, and return the total."""
    total: float = 0
    index = 0
    while index < len(delays):
        total = total + await delay(delays[index])
        index += 1
    return total
