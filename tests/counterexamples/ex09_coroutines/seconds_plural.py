"""Prints 'seconds' instead of the exact 'second(s)' wording."""
# expect: wrong_output
from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.ex09_coroutines.coroutines import *  # noqa: F403


async def delay(seconds: float) -> float:
    print(f"sleeping for {seconds} seconds")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def sequential_sum(delays: Sequence[float]) -> float:
    # Right, but it must call the delay above (the reference's calls the reference's).
    return sum([await delay(seconds) for seconds in delays])
