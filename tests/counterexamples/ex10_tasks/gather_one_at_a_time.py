"""Gathers the awaitables one at a time in a loop, so each is awaited before the next starts."""
# expect: not_concurrent
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
    results: list[T] = []
    for aw in aws:
        results.extend(await asyncio.gather(aw))
    return results


async def count_while_waiting(seconds: float, tick: float) -> int:
    """While a ``delay(seconds)`` task runs, do a tick of other work every ``tick``
    seconds on the same loop; return how many ticks ran."""
    waiting = asyncio.create_task(delay(seconds))
    ticks = 0
    while not waiting.done():
        # Each await gives the loop back, so the delay task keeps its timer running.
        await asyncio.sleep(tick)
        ticks += 1
    await waiting
    return ticks
