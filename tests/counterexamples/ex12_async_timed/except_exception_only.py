"""Times the error path with `except Exception`, not finally: a cancelled call is not timed."""
# expect: cancel_not_timed
from __future__ import annotations

from solutions.ex12_async_timed import timing as _reference
from tests.support.variant import adopt


async def _timed_call(func, args, kwargs, clock, log, timings):
    log(f"starting {func.__name__} with args {args} {kwargs}")
    start = clock()
    try:
        result = await func(*args, **kwargs)
    except Exception:  # not CancelledError
        elapsed = clock() - start
        timings.append(elapsed)
        log(f"finished {func.__name__} in {elapsed:.4f} second(s)")
        raise
    elapsed = clock() - start
    timings.append(elapsed)
    log(f"finished {func.__name__} in {elapsed:.4f} second(s)")
    return result


adopt(_reference, globals())  # the rest is the reference's
