"""Right answer: gather for delay_all; asyncio.as_completed for the first failure.

run_concurrently wraps every awaitable in a task, consumes asyncio.as_completed so
that the first failure (in time) surfaces at once, then reads the results in input
order; on any failure it cancels the rest and gathers them with return_exceptions.
count_while_waiting gathers the delay task with a ticker coroutine.
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
    return list(await asyncio.gather(*(delay(s) for s in seconds)))


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    """Start every awaitable, then wait for all; results in input order.

    On the first exception, cancel the others, wait until they have finished
    cancelling, then re-raise that exception.  No task outlives the call.
    """
    tasks: list[asyncio.Future[T]] = []
    for aw in aws:
        tasks.append(asyncio.ensure_future(aw))
    try:
        for next_done in asyncio.as_completed(tasks):
            await next_done  # the first failure, in time, is raised here
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # each one has stopped
        raise
    return [task.result() for task in tasks]


async def count_while_waiting(seconds: float, tick: float) -> int:
    """While a ``delay(seconds)`` task runs, do a tick of other work every ``tick``
    seconds on the same loop; return how many ticks ran."""
    waiting = asyncio.create_task(delay(seconds))

    async def ticker() -> int:
        count = 0
        while not waiting.done():
            await asyncio.sleep(tick)
            count += 1
        return count

    _, ticks = await asyncio.gather(waiting, ticker())
    return ticks
