"""The wrapper is a plain function that returns a coroutine."""
# expect: not_coroutine_function
from __future__ import annotations

import functools
import time

from solutions.ex12_async_timed import timing as _reference
from solutions.ex12_async_timed.timing import _timed_call
from tests.support.variant import adopt


def async_timed(*, clock=time.perf_counter, log=print):
    def decorate(func):
        timings: list[float] = []

        @functools.wraps(func)
        def wrapper(*args, **kwargs):  # a plain function that returns a coroutine
            return _timed_call(func, args, kwargs, clock, log, timings)

        wrapper.timings = timings
        return wrapper

    return decorate


adopt(_reference, globals())  # the rest is the reference's
