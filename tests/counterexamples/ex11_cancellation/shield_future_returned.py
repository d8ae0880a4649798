"""shielded hands back the future asyncio.shield made instead of the task running the work."""
# expect: shield_returned
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation.cancellation import *  # noqa: F403
from solutions.ex11_cancellation.cancellation import T


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    guarded = asyncio.shield(aw)  # a Future: cancelling it leaves the work running
    try:
        return await asyncio.wait_for(asyncio.shield(guarded), seconds), guarded  # type: ignore[return-value]
    except TimeoutError:
        return None, guarded  # type: ignore[return-value]
