"""Exercise 10 — tasks: running coroutines concurrently on one thread.

Awaiting a coroutine runs it to the end before the next line (ex09).  A *task*
(``asyncio.create_task``) hands the coroutine to the event loop at once; the
loop runs it whenever the current code reaches an ``await``.  Start several
tasks first, await them afterwards, and their waits overlap: the total time is
the longest wait, not the sum — still on one thread.

Task 1: ``delay_all`` — run many delays at the same time.
Task 2: ``run_concurrently`` — a small ``gather``: start all, collect in order,
        on failure cancel the rest.
Task 3: ``count_while_waiting`` — do other work while a task waits.

Check your work with ``nox -s check-ex10``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable, Sequence
from typing import Any, TypeVar

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
        await _cancel_and_wait(tasks)
        raise


async def _cancel_and_wait(tasks: Sequence[asyncio.Future[Any]]) -> None:
    """Cancel every task, then wait until each one has finished cancelling."""
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


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
