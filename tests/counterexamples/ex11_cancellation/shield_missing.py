"""shielded waits with wait_for on the task itself, so the timeout cancels the work."""
# expect: shield_cancelled
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation.cancellation import *  # noqa: F403
from solutions.ex11_cancellation.cancellation import T


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    task = asyncio.ensure_future(aw)
    try:
        return await asyncio.wait_for(task, seconds), task
    except TimeoutError:
        return None, task
