"""Right answer: wait_for around a shield, then cancel by hand; an except-clause worker.

with_timeout turns the work into a task and waits for a shield of it, so a timeout
only stops the waiting; it then cancels the task itself and awaits it with
asyncio.gather(return_exceptions=True). cancel_after polls with asyncio.wait and a
timeout; shielded wraps coroutines with loop.create_task and waits on
asyncio.wait_for(asyncio.shield(...)); worker logs in an ``except`` and re-raises.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any, TypeVar

T = TypeVar("T")


async def _stop(task: asyncio.Future[Any]) -> None:
    """Cancel ``task`` and wait until it has finished (whatever it ended with)."""
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def with_timeout(aw: Awaitable[T], seconds: float) -> T | None:
    """Await ``aw`` for at most ``seconds``; return its result, or ``None`` if time ran out.

    On timeout the inner work is cancelled, and it has *finished* cancelling (its
    ``finally`` blocks ran, even those that await) before this returns. If the caller
    itself is cancelled, ``CancelledError`` propagates: it is never turned into ``None``.
    """
    work: asyncio.Future[T] = asyncio.ensure_future(aw)
    try:
        return await asyncio.wait_for(asyncio.shield(work), seconds)
    except TimeoutError:
        await _stop(work)
        return None
    except asyncio.CancelledError:
        work.cancel()
        raise


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    """Wait up to ``seconds`` for ``task``; if it is still running, cancel it, wait until
    it has finished and return ``True``. Return ``False`` if it finished on its own
    (its exception, if any, is not raised here).
    """
    _, pending = await asyncio.wait([task], timeout=seconds)
    if not pending:
        return False
    await _stop(task)
    return True


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    """Wait up to ``seconds`` for ``aw`` without cancelling it when the time is up.

    Returns ``(result, task)`` if it finished in time, else ``(None, task)``: the task
    keeps running, and the caller can await it later.
    """
    if inspect.iscoroutine(aw):
        task: asyncio.Task[T] = asyncio.get_running_loop().create_task(aw)
    else:
        task = asyncio.ensure_future(aw)
    try:
        result = await asyncio.wait_for(asyncio.shield(task), timeout=seconds)
    except TimeoutError:
        result = None
    return result, task


async def worker(log: list[str]) -> None:
    """Loop forever, sleeping; when cancelled, append ``"cleanup"`` to ``log`` and re-raise."""
    try:
        while True:  # noqa: ASYNC110  (each round stands for a bit of periodic work)
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        log.append("cleanup")
        raise
