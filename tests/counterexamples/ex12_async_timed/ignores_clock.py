"""Ignores the injected clock and reads time.perf_counter itself."""
# expect: wrong_elapsed
from __future__ import annotations

import time

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt


def async_timed(*, clock=time.perf_counter, log=print):
    return _reference.async_timed(clock=time.perf_counter, log=log)  # not the clock given


adopt(_reference, globals())  # the rest is the reference's
