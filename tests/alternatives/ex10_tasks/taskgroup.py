"""Right answer: asyncio.TaskGroup everywhere, unwrapping its ExceptionGroup.

delay_all and run_concurrently start their tasks in a TaskGroup (which cancels and
awaits the rest on the first failure); run_concurrently re-raises the first
exception out of the group. count_while_waiting runs the delay and a ticker side by
side in the group, the ticker stopping once the delay is done.
"""

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
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(delay(s)) for s in seconds]
    return [task.result() for task in tasks]


async def _await(aw: Awaitable[T]) -> T:
    """A coroutine around any awaitable (TaskGroup.create_task takes coroutines only)."""
    return await aw


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    """Start every awaitable, then wait for all; results in input order.

    On the first exception, cancel the others, wait until they have finished
    cancelling, then re-raise that exception.  No task outlives the call.
    """
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(_await(aw)) for aw in aws]
    except BaseExceptionGroup as failures:
        # The group holds the failures in the order they happened: the first one first.
        raise failures.exceptions[0] from None
    return [task.result() for task in tasks]


async def count_while_waiting(seconds: float, tick: float) -> int:
    """While a ``delay(seconds)`` task runs, do a tick of other work every ``tick``
    seconds on the same loop; return how many ticks ran."""
    ticks = 0

    async def ticker(waiting: asyncio.Task[float]) -> None:
        nonlocal ticks
        while not waiting.done():
            await asyncio.sleep(tick)
            ticks += 1

    async with asyncio.TaskGroup() as group:
        waiting = group.create_task(delay(seconds))
        group.create_task(ticker(waiting))
    return ticks
