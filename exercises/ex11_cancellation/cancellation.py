"""Exercise 11 — cancelling tasks, timeouts and shield.

A task is stopped by *cancelling* it: ``task.cancel()`` throws ``CancelledError``
into the coroutine at its current ``await``. The coroutine may clean up
(``finally``) — even awaiting more work — and must then let the error go on.
Cancelling only *asks*: the task has stopped when it is done, not when
``cancel()`` returns.

Task 1: ``with_timeout`` — the result, or ``None`` once the time is up.
Task 2: ``cancel_after`` — give a task some time, then cancel it.
Task 3: ``shielded`` — stop waiting without stopping the work.
Task 4: ``worker`` — a coroutine that cleans up when it is cancelled.

Check your work with ``nox -s check-ex11``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def with_timeout(aw: Awaitable[T], seconds: float) -> T | None:
    """Await ``aw`` for at most ``seconds``; return its result, or ``None`` if time ran out.

    On timeout the inner work is cancelled, and it has *finished* cancelling (its
    ``finally`` blocks ran, even those that await) before this returns. If the caller
    itself is cancelled, ``CancelledError`` propagates: it is never turned into ``None``.
    """
    # TODO: await ``aw`` under a time limit that cancels it and waits for it
    #       (asyncio.wait_for, or ``async with asyncio.timeout(...)``).
    # TODO: turn only the TimeoutError into None — never catch CancelledError here.
    raise NotImplementedError("task 1: with_timeout — see exercises/ex11_cancellation/README.md")


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    """Wait up to ``seconds`` for ``task``; if it is still running, cancel it, wait until
    it has finished and return ``True``. Return ``False`` if it finished on its own
    (its exception, if any, is not raised here).
    """
    # TODO: wait for the task with a timeout, without raising its exception
    #       (asyncio.wait returns the sets of done and pending futures).
    # TODO: still running? cancel it, then wait again until it is really done.
    raise NotImplementedError("task 2: cancel_after — see exercises/ex11_cancellation/README.md")


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    """Wait up to ``seconds`` for ``aw`` without cancelling it when the time is up.

    Returns ``(result, task)`` if it finished in time, else ``(None, task)``: the task
    keeps running, and the caller can await it later.
    """
    # TODO: turn ``aw`` into a task once (asyncio.ensure_future) and keep it.
    # TODO: wait for asyncio.shield(task) with a timeout: the timeout cancels the
    #       shield, not the task.
    raise NotImplementedError("task 3: shielded — see exercises/ex11_cancellation/README.md")


async def worker(log: list[str]) -> None:
    """Loop forever, sleeping; when cancelled, append ``"cleanup"`` to ``log`` and re-raise."""
    # TODO: ``while True: await asyncio.sleep(...)`` inside a try block.
    # TODO: on asyncio.CancelledError: log "cleanup", then re-raise it.
    raise NotImplementedError("task 4: worker — see exercises/ex11_cancellation/README.md")
