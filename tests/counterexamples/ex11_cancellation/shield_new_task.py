"""shielded shields the awaitable but returns a new task wrapping it again."""
# expect: shield_task_failed, shield_task_done, shield_restarted
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation.cancellation import *  # noqa: F403
from solutions.ex11_cancellation.cancellation import T


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    try:
        return await asyncio.wait_for(asyncio.shield(aw), seconds), asyncio.ensure_future(aw)
    except TimeoutError:
        return None, asyncio.ensure_future(aw)
