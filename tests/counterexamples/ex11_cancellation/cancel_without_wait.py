"""cancel_after cancels the task but does not wait for it to finish."""
# expect: not_waited
from __future__ import annotations

import asyncio

from solutions.ex11_cancellation.cancellation import *  # noqa: F403


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if done:
        return False
    task.cancel()
    return True
