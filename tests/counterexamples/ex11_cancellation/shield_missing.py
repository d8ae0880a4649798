"""shielded waits with wait_for on the task itself, so the timeout cancels the work."""
# expect: shield_cancelled
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
    # wait_for cancels the inner work on timeout and waits until it is done; only the
    # TimeoutError becomes None, the caller's own CancelledError goes on untouched.
    try:
        return await asyncio.wait_for(aw, seconds)
    except TimeoutError:
        return None


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    """Wait up to ``seconds`` for ``task``; if it is still running, cancel it, wait until
    it has finished and return ``True``. Return ``False`` if it finished on its own
    (its exception, if any, is not raised here).
    """
    # asyncio.wait never raises the task's exception and never cancels the task itself.
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if done:
        return False
    task.cancel()
    # Cancelling only asks: wait until the task has actually finished.
    await asyncio.wait({task})
    return True


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    task = asyncio.ensure_future(aw)
    try:
        return await asyncio.wait_for(task, seconds), task
    except TimeoutError:
        return None, task


async def worker(log: list[str]) -> None:
    """Loop forever, sleeping; when cancelled, append ``"cleanup"`` to ``log`` and re-raise."""
    try:
        while True:
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        log.append("cleanup")
        # Re-raise: the task must end *cancelled*, or its owner thinks it finished normally.
        raise
