"""Exercise 09 — coroutines: ``async def``, ``await``, ``asyncio.run`` and ``asyncio.sleep``.

A coroutine function (``async def``) does not run when you call it: the call
returns a *coroutine object*, which runs only when something awaits it or when
an event loop drives it (``asyncio.run``).  ``await`` suspends the coroutine
until the awaited thing is done, giving the loop the chance to run others.

Task 1: ``add_one`` and ``run_add_one`` — a first coroutine, run with ``asyncio.run``.
Task 2: ``hello_world_message`` — sleeping without blocking.
Task 3: ``delay`` — print, sleep on the loop, print again.
Task 4: ``sequential_sum`` — awaiting one coroutine after another.

Check your work with ``nox -s check-ex09``.
"""

from __future__ import annotations

import asyncio  # noqa: F401  (you will need it)
from collections.abc import Sequence


async def add_one(number: int) -> int:
    """Return ``number + 1`` — from a coroutine."""
    # TODO: return number + 1 (a coroutine may simply compute and return).
    raise NotImplementedError("task 1: add_one — see exercises/ex09_coroutines/README.md")


def run_add_one(number: int) -> int:
    """Run ``add_one(number)`` with ``asyncio.run`` and return its result (a plain function)."""
    # TODO: calling add_one(number) only creates a coroutine object; hand it to
    #       asyncio.run, which creates a new loop, runs it, closes the loop and
    #       returns the coroutine's result.
    raise NotImplementedError("task 1: run_add_one — see exercises/ex09_coroutines/README.md")


async def hello_world_message() -> str:
    """Wait one second without blocking the event loop, then return ``"Hello World!"``."""
    # TODO: await asyncio.sleep(1) (never time.sleep in a coroutine), then return the text.
    raise NotImplementedError(
        "task 2: hello_world_message — see exercises/ex09_coroutines/README.md"
    )


async def delay(seconds: float) -> float:
    """Print ``sleeping for {seconds} second(s)``, sleep on the loop, print
    ``finished sleeping for {seconds} second(s)`` and return ``seconds``."""
    # TODO: print the first line, await asyncio.sleep(seconds), print the second
    #       line, return seconds. Print the value as given: 2 -> "2", 0.5 -> "0.5".
    raise NotImplementedError("task 3: delay — see exercises/ex09_coroutines/README.md")


async def sequential_sum(delays: Sequence[float]) -> float:
    """Await ``delay`` for each value, one after another, and return the total."""
    # TODO: for each value, await delay(value) and add up what it returns.
    #       sequential_sum([]) is 0.
    raise NotImplementedError("task 4: sequential_sum — see exercises/ex09_coroutines/README.md")
