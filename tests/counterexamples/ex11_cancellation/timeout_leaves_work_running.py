"""with_timeout stops waiting with asyncio.wait but never cancels the work."""
# expect: left_running
from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from solutions.ex11_cancellation.cancellation import *  # noqa: F403
from solutions.ex11_cancellation.cancellation import T


async def with_timeout(aw: Awaitable[T], seconds: float) -> T | None:
    task = asyncio.ensure_future(aw)
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if task in done:
        return task.result()
    return None  # stopped waiting, but the task is still running
