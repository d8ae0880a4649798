"""Right answer: asyncio.wait — FIRST_EXCEPTION for the small gather, timeout= for ticks.

delay_all waits for the set of tasks and reads the results in input order;
run_concurrently waits with return_when=FIRST_EXCEPTION, then cancels and waits for
what is still pending; count_while_waiting waits on the delay task for one tick at a
time and counts the ticks it was still running.
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
    tasks = [asyncio.create_task(delay(s)) for s in seconds]
    if tasks:
        await asyncio.wait(tasks)
    return [task.result() for task in tasks]


async def _stop(tasks: Iterable[asyncio.Future[T]]) -> None:
    """Cancel every unfinished task and wait until each one has stopped."""
    unfinished = [t for t in tasks if not t.done()]
    for task in unfinished:
        task.cancel()
    if unfinished:
        await asyncio.wait(unfinished)


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    """Start every awaitable, then wait for all; results in input order.

    On the first exception, cancel the others, wait until they have finished
    cancelling, then re-raise that exception.  No task outlives the call.
    """
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    if not tasks:
        return []
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    except BaseException:  # we were cancelled ourselves: take the tasks down with us
        await _stop(tasks)
        raise
    failed = [t for t in tasks if t in done and not t.cancelled() and t.exception()]
    if failed or any(t.cancelled() for t in done):
        await _stop(pending)
        if failed:
            error = failed[0].exception()
            assert error is not None
            raise error
    return [task.result() for task in tasks]  # a cancelled one raises CancelledError


async def count_while_waiting(seconds: float, tick: float) -> int:
    """While a ``delay(seconds)`` task runs, do a tick of other work every ``tick``
    seconds on the same loop; return how many ticks ran."""
    waiting = asyncio.create_task(delay(seconds))
    ticks = 0
    while True:
        done, _ = await asyncio.wait({waiting}, timeout=tick)
        if done:
            break
        ticks += 1  # a tick of other work while the delay is still running
    return ticks
