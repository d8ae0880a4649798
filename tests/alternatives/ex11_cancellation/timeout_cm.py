"""Right answer: asyncio.timeout() blocks and asyncio.wait instead of wait_for and shield.

with_timeout awaits the work inside ``async with asyncio.timeout(...)``; cancel_after
waits on the task inside one as well and then awaits the cancelled task, telling
the caller's own cancellation apart with ``Task.cancelling()``; shielded waits on the
task with asyncio.wait (which never cancels what it waits for) instead of a shield;
worker cleans up in a ``finally`` only when it is being cancelled.
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
    scope = asyncio.timeout(seconds)
    try:
        async with scope:
            return await aw
    except TimeoutError:
        if scope.expired():  # our own deadline, not a TimeoutError of the work itself
            return None
        raise


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    """Wait up to ``seconds`` for ``task``; if it is still running, cancel it, wait until
    it has finished and return ``True``. Return ``False`` if it finished on its own
    (its exception, if any, is not raised here).
    """
    try:
        async with asyncio.timeout(seconds):
            await asyncio.wait({task})  # never raises the task's own exception
        return False
    except TimeoutError:
        pass
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise  # we are being cancelled ourselves: never swallow that
    except Exception:  # it failed while cleaning up: not ours to raise
        pass
    return True


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    """Wait up to ``seconds`` for ``aw`` without cancelling it when the time is up.

    Returns ``(result, task)`` if it finished in time, else ``(None, task)``: the task
    keeps running, and the caller can await it later.
    """
    task: asyncio.Task[T] = asyncio.ensure_future(aw)
    done, _ = await asyncio.wait({task}, timeout=seconds)  # a timeout here cancels nothing
    if task in done:
        return task.result(), task
    return None, task


async def worker(log: list[str]) -> None:
    """Loop forever, sleeping; when cancelled, append ``"cleanup"`` to ``log`` and re-raise."""
    cancelled = False
    try:
        while True:  # noqa: ASYNC110  (each round stands for a bit of periodic work)
            try:
                await asyncio.sleep(0.25)
            except asyncio.CancelledError:
                cancelled = True
                raise
    finally:
        if cancelled:
            log.append("cleanup")
