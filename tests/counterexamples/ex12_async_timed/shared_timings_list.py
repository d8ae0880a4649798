"""One module-level timings list shared by every decorated function."""
# expect: shared_timings
from __future__ import annotations

import functools
import time

from solutions.ex12_async_timed import timing as _reference
from solutions.ex12_async_timed.timing import _timed_call
from tests.support.variant import adopt

TIMINGS: list[float] = []  # one list for every decorated function


def async_timed(*, clock=time.perf_counter, log=print):
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            return await _timed_call(func, args, kwargs, clock, log, TIMINGS)

        wrapper.timings = TIMINGS
        return wrapper

    return decorate


adopt(_reference, globals())  # the rest is the reference's
