"""Counts in a loop without await until the delay task is done."""
# expect: loop_blocked
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def delay(seconds: float) -> float:
    """Given: sleep ``seconds`` on the event loop (quietly) and return ``seconds``."""
    await asyncio.sleep(seconds)
    return seconds


async def delay_all(seconds: Sequence[float]) -> list[float]:
    """Run ``delay`` for every value at the same time; results in input order."""
    # create_task schedules each delay on the loop right away; only then do we wait.
    tasks = [asyncio.create_task(delay(s)) for s in seconds]
    # Awaiting them in input order keeps the results in input order; they all
    # sleep at the same time, so the total is the longest delay.
    return [await task for task in tasks]


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    """Start every awaitable, then wait for all; results in input order.

    On the first exception, cancel the others, wait until they have finished
    cancelling, then re-raise that exception.  No task outlives the call.
    """
    # ensure_future wraps each awaitable in a task: all of them start before we await any.
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    try:
        # gather raises the first exception as soon as it happens...
        return list(await asyncio.gather(*tasks))
    except BaseException:
        # ... but leaves the others running: cancel them and wait until each has
        # run its cleanup (finally blocks), then let the first exception go on.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


async def count_while_waiting(seconds: float, tick: float) -> int:
    """While a ``delay(seconds)`` task runs, do a tick of other work every ``tick``
    seconds on the same loop; return how many ticks ran."""
    waiting = asyncio.create_task(delay(seconds))
    ticks = 0
    while not waiting.done():
        # Each await gives the loop back, so the delay task keeps its timer running.
        ticks += 1
    await waiting
    return ticks
