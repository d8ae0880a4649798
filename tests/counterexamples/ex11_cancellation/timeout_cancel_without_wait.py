"""with_timeout cancels the work but returns before it has finished cancelling."""
# expect: cleanup_unfinished
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
    task.cancel()  # asked to stop, but not waited for
    return None
