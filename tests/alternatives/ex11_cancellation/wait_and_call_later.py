"""Right answer: asyncio.wait with a timeout plus explicit cancel; call_later for cancel_after.

with_timeout runs the work as a task, waits with asyncio.wait(timeout=...), then
cancels it and waits again until it has stopped (and takes it down too if the caller
is cancelled); cancel_after schedules ``task.cancel`` with loop.call_later and waits
for the task to end; shielded uses asyncio.timeout around asyncio.shield; worker
catches CancelledError around each sleep inside its loop.
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
    work = asyncio.ensure_future(aw)
    try:
        done, _ = await asyncio.wait({work}, timeout=seconds)
    except asyncio.CancelledError:
        work.cancel()  # the caller gave up: so does the work
        raise
    if work in done:
        return work.result()
    work.cancel()
    await asyncio.wait({work})  # cancel() only asks: wait until its clean-up is over
    return None


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    """Wait up to ``seconds`` for ``task``; if it is still running, cancel it, wait until
    it has finished and return ``True``. Return ``False`` if it finished on its own
    (its exception, if any, is not raised here).
    """
    asked: list[bool] = []

    def stop() -> None:
        asked.append(task.cancel())  # True only if the task was still running

    timer = asyncio.get_running_loop().call_later(seconds, stop)
    try:
        await asyncio.wait({task})  # ends when the task does, on its own or cancelled
    finally:
        timer.cancel()
    return any(asked)


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    """Wait up to ``seconds`` for ``aw`` without cancelling it when the time is up.

    Returns ``(result, task)`` if it finished in time, else ``(None, task)``: the task
    keeps running, and the caller can await it later.
    """
    task: asyncio.Task[T] = asyncio.ensure_future(aw)
    try:
        async with asyncio.timeout(seconds):
            result = await asyncio.shield(task)  # the timeout cancels the shield only
    except TimeoutError:
        return None, task
    return result, task


async def worker(log: list[str]) -> None:
    """Loop forever, sleeping; when cancelled, append ``"cleanup"`` to ``log`` and re-raise."""
    while True:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            log.append("cleanup")
            raise
