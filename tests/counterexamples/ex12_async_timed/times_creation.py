"""Times only the creation of the coroutine object, then awaits it untimed."""
# expect: timed_creation
from __future__ import annotations

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt


async def _timed_call(func, args, kwargs, clock, log, timings):
    log(f"starting {func.__name__} with args {args} {kwargs}")
    start = clock()
    try:
        coroutine = func(*args, **kwargs)  # only creates it: nothing has run yet
    finally:
        elapsed = clock() - start
        timings.append(elapsed)
        log(f"finished {func.__name__} in {elapsed:.4f} second(s)")
    return await coroutine


adopt(_reference, globals())  # the rest is the reference's
