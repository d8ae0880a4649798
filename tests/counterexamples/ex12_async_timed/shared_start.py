"""Keeps the start time on the wrapper, shared by every call."""
# expect: shared_start
from __future__ import annotations

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt

_start = 0.0  # one start time for all calls


async def _timed_call(func, args, kwargs, clock, log, timings):
    global _start
    log(f"starting {func.__name__} with args {args} {kwargs}")
    _start = clock()
    try:
        return await func(*args, **kwargs)
    finally:
        elapsed = clock() - _start
        timings.append(elapsed)
        log(f"finished {func.__name__} in {elapsed:.4f} second(s)")


adopt(_reference, globals())  # the rest is the reference's
