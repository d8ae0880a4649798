"""Keeps the start in a ContextVar set without a token: a nested call overwrites it."""
# expect: nested_calls
from __future__ import annotations

import contextvars

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt

_start: contextvars.ContextVar[float] = contextvars.ContextVar("start")


async def _timed_call(func, args, kwargs, clock, log, timings):
    log(f"starting {func.__name__} with args {args} {kwargs}")
    _start.set(clock())  # each task has its own copy, but never reset: nesting shares it
    try:
        return await func(*args, **kwargs)
    finally:
        elapsed = clock() - _start.get()
        timings.append(elapsed)
        log(f"finished {func.__name__} in {elapsed:.4f} second(s)")


adopt(_reference, globals())  # the rest is the reference's
