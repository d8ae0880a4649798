"""cancel_after reports a timeout but never cancels the task."""
# expect: task_left_running
from __future__ import annotations

import asyncio

from solutions.ex11_cancellation.cancellation import *  # noqa: F403


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return not done
