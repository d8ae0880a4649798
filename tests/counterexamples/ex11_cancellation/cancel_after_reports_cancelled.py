"""cancel_after answers with task.cancelled(): False for a task that caught the cancel."""
# expect: judged_by_outcome
from __future__ import annotations

import asyncio

from solutions.ex11_cancellation.cancellation import *  # noqa: F403


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if done:
        return False
    task.cancel()
    await asyncio.wait({task})
    return task.cancelled()  # how the task ended, not whether it had to be cancelled
