"""cancel_after reports a timeout but never cancels the task."""
# expect: task_left_running
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
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return not done


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    """Wait up to ``seconds`` for ``aw`` without cancelling it when the time is up.

    Returns ``(result, task)`` if it finished in time, else ``(None, task)``: the task
    keeps running, and the caller can await it later.
    """
    # Wrap the work in a task once, and keep it: that task is what the caller gets back.
    task = asyncio.ensure_future(aw)
    try:
        # shield: the timeout cancels only the shield's outer future, never the task.
        return await asyncio.wait_for(asyncio.shield(task), seconds), task
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
