"""Sleeps with time.sleep inside the coroutines, freezing the event loop."""
# expect: blocking_sleep
from __future__ import annotations

import time

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def hello_world_message() -> str:
    time.sleep(1)
    return "Hello World!"


async def delay(seconds: float) -> float:
    print(f"sleeping for {seconds} second(s)")
    time.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


adopt(_reference, globals())  # the rest is the reference's
