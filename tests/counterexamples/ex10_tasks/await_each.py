"""Awaits each awaitable in turn: nothing overlaps."""
# expect: not_concurrent
from __future__ import annotations

from collections.abc import Awaitable, Iterable, Sequence

from solutions.ex10_tasks.tasks import *  # noqa: F403
from solutions.ex10_tasks.tasks import T, delay


async def delay_all(seconds: Sequence[float]) -> list[float]:
    return [await delay(s) for s in seconds]


async def run_concurrently(aws: Iterable[Awaitable[T]]) -> list[T]:
    return [await aw for aw in aws]
