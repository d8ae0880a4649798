"""Cancels the other tasks on a failure but re-raises before they finished cancelling."""
# expect: siblings_not_awaited
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import T


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        raise
