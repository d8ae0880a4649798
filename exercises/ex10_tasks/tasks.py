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
from typing import TypeVar

T = TypeVar("T")


async def delay(seconds: float) -> float:
    """Given: sleep ``seconds`` on the event loop (quietly) and return ``seconds``."""
    await asyncio.sleep(seconds)
    return seconds


async def delay_all(seconds: Sequence[float]) -> list[float]:
    """Run ``delay`` for every value at the same time; results in input order."""
    # TODO: create a task for every delay(s) FIRST (asyncio.create_task) ...
    # TODO: ... then await the tasks, in input order, collecting their results.
    raise NotImplementedError("task 1: delay_all — see exercises/ex10_tasks/README.md")


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    """Start every awaitable, then wait for all; results in input order.

    On the first exception, cancel the others, wait until they have finished
    cancelling, then re-raise that exception.  No task outlives the call.
    """
    # TODO: turn every awaitable into a task (asyncio.ensure_future) before awaiting any.
    # TODO: wait for all of them; return their results in input order.
    # TODO: when one fails: cancel the others, await them until they are done
    #       (their cleanup runs), then re-raise the first exception itself
    #       (not an ExceptionGroup).
    raise NotImplementedError("task 2: run_concurrently — see exercises/ex10_tasks/README.md")


async def count_while_waiting(seconds: float, tick: float) -> int:
    """While a ``delay(seconds)`` task runs, do a tick of other work every ``tick``
    seconds on the same loop; return how many ticks ran."""
    # TODO: start delay(seconds) as a task.
    # TODO: while it is not done, await asyncio.sleep(tick) and count a tick
    #       (never time.sleep, never a loop without await: the task could not run).
    # TODO: await the task, return the count.
    raise NotImplementedError(
        "task 3: count_while_waiting — see exercises/ex10_tasks/README.md"
    )
