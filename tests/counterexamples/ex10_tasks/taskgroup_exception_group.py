"""Uses a TaskGroup and lets its ExceptionGroup escape instead of the first exception."""
# expect: exception_group
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import T


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(aw) for aw in aws]  # type: ignore[arg-type]
    return [task.result() for task in tasks]
