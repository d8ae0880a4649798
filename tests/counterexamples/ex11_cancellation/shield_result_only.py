"""shielded keeps only the result and hands back the awaitable it was given."""
# expect: not_a_task
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation.cancellation import *  # noqa: F403
from solutions.ex11_cancellation.cancellation import T


async def shielded(aw: Awaitable[T], seconds: float) -> tuple[T | None, asyncio.Task[T]]:
    try:
        result = await asyncio.wait_for(asyncio.shield(aw), seconds)
    except TimeoutError:
        result = None
    return result, aw  # type: ignore[return-value]
