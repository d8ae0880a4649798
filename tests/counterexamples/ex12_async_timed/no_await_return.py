"""Forgets await: returns the wrapped coroutine object instead of its result."""
# expect: not_awaited
from __future__ import annotations

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt


async def _timed_call(func, args, kwargs, clock, log, timings):
    log(f"starting {func.__name__} with args {args} {kwargs}")
    start = clock()
    try:
        return func(*args, **kwargs)  # no await: the coroutine is handed back, never run
    finally:
        elapsed = clock() - start
        timings.append(elapsed)
        log(f"finished {func.__name__} in {elapsed:.4f} second(s)")


adopt(_reference, globals())  # the rest is the reference's
