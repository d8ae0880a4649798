"""with_timeout turns the caller's own cancellation into None."""
# expect: swallowed_caller_cancel
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation.cancellation import *  # noqa: F403
from solutions.ex11_cancellation.cancellation import T


async def with_timeout(aw: Awaitable[T], seconds: float) -> T | None:
    try:
        return await asyncio.wait_for(aw, seconds)
    except (TimeoutError, asyncio.CancelledError):
        return None
