"""Keeps each call's start in a dict keyed by its arguments, shared by equal-argument calls."""
# expect: start_by_args
from __future__ import annotations

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt

_starts: dict[object, float] = {}  # one start per (function, arguments)


async def _timed_call(func, args, kwargs, clock, log, timings):
    key = (func, args, tuple(sorted(kwargs.items())))
    log(f"starting {func.__name__} with args {args} {kwargs}")
    _starts[key] = clock()  # a second call with equal arguments overwrites the first's
    try:
        return await func(*args, **kwargs)
    finally:
        elapsed = clock() - _starts[key]
        timings.append(elapsed)
        log(f"finished {func.__name__} in {elapsed:.4f} second(s)")


adopt(_reference, globals())  # the rest is the reference's
