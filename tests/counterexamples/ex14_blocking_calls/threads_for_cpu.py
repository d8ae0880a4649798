"""Runs the CPU-heavy work in threads, where the GIL serialises it."""
# expect: threads_gil, ran_in_parent
from __future__ import annotations

import asyncio

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import cpu_heavy
from tests.support.variant import adopt


async def crunch_all(numbers):
    return list(await asyncio.gather(*(asyncio.to_thread(cpu_heavy, n) for n in numbers)))


adopt(_reference, globals())  # the rest is the reference's
