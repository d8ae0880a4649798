"""Runs the delays of sequential_sum concurrently with gather."""
# expect: not_sequential
from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.ex09_coroutines import coroutines as _reference
from solutions.ex09_coroutines.coroutines import delay
from tests.support.variant import adopt


async def sequential_sum(delays: Sequence[float]) -> float:
    return sum(await asyncio.gather(*(delay(seconds) for seconds in delays)))


adopt(_reference, globals())  # the rest is the reference's
