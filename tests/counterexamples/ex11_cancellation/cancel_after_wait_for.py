"""cancel_after uses wait_for, which raises the task's own exception."""
# expect: raised_task_error
from __future__ import annotations

import asyncio

from solutions.ex11_cancellation.cancellation import *  # noqa: F403


async def cancel_after(task: asyncio.Task[object], seconds: float) -> bool:
    try:
        await asyncio.wait_for(task, seconds)
    except TimeoutError:
        return True
    return False
