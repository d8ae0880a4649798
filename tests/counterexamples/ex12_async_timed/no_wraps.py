"""Forgets functools.wraps: the wrapper's name and docstring are its own."""
# expect: lost_metadata
from __future__ import annotations

import time

from solutions.ex12_async_timed import timing as _reference
from solutions.ex12_async_timed.timing import _timed_call
from tests.support.variant import adopt


def async_timed(*, clock=time.perf_counter, log=print):
    def decorate(func):
        timings: list[float] = []

        async def wrapper(*args, **kwargs):  # no functools.wraps
            return await _timed_call(func, args, kwargs, clock, log, timings)

        wrapper.timings = timings
        return wrapper

    return decorate


adopt(_reference, globals())  # the rest is the reference's
