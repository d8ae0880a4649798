"""Uses gather alone: on a failure the other tasks keep running."""
# expect: siblings_left
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import T


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    return list(await asyncio.gather(*aws))
