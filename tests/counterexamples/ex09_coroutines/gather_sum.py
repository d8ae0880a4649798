"""Runs the delays of sequential_sum concurrently with gather."""
# expect: not_sequential
from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.ex09_coroutines.coroutines import *  # noqa: F403
from solutions.ex09_coroutines.coroutines import delay


async def sequential_sum(delays: Sequence[float]) -> float:
    return sum(await asyncio.gather(*(delay(seconds) for seconds in delays)))
