"""Gathers the awaitables one at a time in a loop, so each is awaited before the next starts."""
# expect: not_concurrent
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import T


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    results: list[T] = []
    for aw in aws:
        results.extend(await asyncio.gather(aw))
    return results
