"""Calls the blocking functions directly inside the coroutines."""
# expect: blocks_loop, on_loop_thread, blocks_loop_cpu, ran_in_parent
from __future__ import annotations

from solutions.ex14_blocking_calls import blocking as _reference
from solutions.ex14_blocking_calls.blocking import blocking_fetch, cpu_heavy
from tests.support.variant import adopt


async def fetch_all(urls):
    return [blocking_fetch(u) for u in urls]


async def crunch_all(numbers):
    return [cpu_heavy(n) for n in numbers]


adopt(_reference, globals())  # the rest is the reference's
