"""Sleeps in delay with time.sleep in the default executor: a thread's sleep, not the loop's."""
# expect: slept_in_thread
from __future__ import annotations

import asyncio
import time

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


async def delay(seconds: float) -> float:
    print(f"sleeping for {seconds} second(s)")
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


adopt(_reference, globals())  # the rest is the reference's
