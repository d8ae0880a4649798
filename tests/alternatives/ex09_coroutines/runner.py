"""Right answer: asyncio.Runner (what asyncio.run is built on) and a task per step.

run_add_one drives add_one with an asyncio.Runner context manager, which creates a
new loop and closes it on exit; hello_world_message sleeps in small steps that add up
to one second; sequential_sum wraps each delay in a task and awaits it before making
the next one; delay uses str.format.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence


async def add_one(number: int) -> int:
    """Return ``number + 1`` — from a coroutine."""
    return 1 + number


def run_add_one(number: int) -> int:
    """Run ``add_one(number)`` with ``asyncio.run`` and return its result (a plain function)."""
    with asyncio.Runner() as runner:
        return runner.run(add_one(number))


async def hello_world_message() -> str:
    """Wait one second without blocking the event loop, then return ``"Hello World!"``."""
    for _ in range(4):
        await asyncio.sleep(0.25)
    return "Hello World!"


async def delay(seconds: float) -> float:
    """Print ``sleeping for {seconds} second(s)``, sleep on the loop, print
    ``finished sleeping for {seconds} second(s)`` and return ``seconds``."""
    print("sleeping for {} second(s)".format(seconds))  # noqa: UP032
    await asyncio.sleep(seconds)
    print("finished sleeping for {} second(s)".format(seconds))  # noqa: UP032
    return seconds


async def sequential_sum(delays: Sequence[float]) -> float:
    """Await ``delay`` for each value, one after another, and return the total."""
    total = 0.0
    for seconds in delays:
        step = asyncio.create_task(delay(seconds))
        total += await step  # finished before the next task is even created
    return total
