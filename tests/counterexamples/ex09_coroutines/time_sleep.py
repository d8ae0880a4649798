"""Sleeps with time.sleep inside the coroutines, freezing the event loop."""
# expect: blocking_sleep
from __future__ import annotations

import time
from collections.abc import Sequence

from solutions.ex09_coroutines.coroutines import *  # noqa: F403


async def hello_world_message() -> str:
    time.sleep(1)
    return "Hello World!"


async def delay(seconds: float) -> float:
    print(f"sleeping for {seconds} second(s)")
    time.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def sequential_sum(delays: Sequence[float]) -> float:
    # Right, but it must call the delay above (the reference's calls the reference's).
    return sum([await delay(seconds) for seconds in delays])
