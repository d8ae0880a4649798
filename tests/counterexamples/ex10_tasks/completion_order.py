"""Collects delay_all's results in the order the delays finish."""
# expect: wrong_order
from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import delay


async def delay_all(seconds: Sequence[float]) -> list[float]:
    tasks = [asyncio.create_task(delay(s)) for s in seconds]
    return [await task for task in asyncio.as_completed(tasks)]
