"""Keeps each call's start in a dict keyed by the current task: nested calls share it."""
# expect: nested_calls
from __future__ import annotations

import asyncio

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt

_starts: dict[object, float] = {}  # one start per task: right for tasks side by side


async def _timed_call(func, args, kwargs, clock, log, timings):
    key = (func, asyncio.current_task())
    log(f"starting {func.__name__} with args {args} {kwargs}")
    _starts[key] = clock()  # a call nested in the same task overwrites the outer one's
    try:
        return await func(*args, **kwargs)
    finally:
        elapsed = clock() - _starts[key]
        timings.append(elapsed)
        log(f"finished {func.__name__} in {elapsed:.4f} second(s)")


adopt(_reference, globals())  # the rest is the reference's
