"""Right answer: the decorator factory returns an instance of a class; update_wrapper.

``async_timed(...)`` builds an ``_AsyncTimer`` object holding the clock and the log;
calling it with a coroutine function returns an ``async def`` wrapper whose metadata
is copied with functools.update_wrapper. The timing is written out inline, with
try/except/else instead of finally.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class _AsyncTimer:
    """The decorator made by ``async_timed(...)``: remembers the clock and the log."""

    def __init__(self, clock: Callable[[], float], log: Callable[[str], None]) -> None:
        self.clock = clock
        self.log = log

    def __call__(self, func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        clock, log = self.clock, self.log
        timings: list[float] = []
        name = func.__name__

        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            log(f"starting {name} with args {args} {kwargs}")
            began = clock()  # this call's own start
            try:
                result = await func(*args, **kwargs)
            except BaseException:
                spent = clock() - began
                timings.append(spent)
                log(f"finished {name} in {spent:.4f} second(s)")
                raise
            else:
                spent = clock() - began
                timings.append(spent)
                log(f"finished {name} in {spent:.4f} second(s)")
                return result

        functools.update_wrapper(wrapper, func)
        wrapper.timings = timings  # type: ignore[attr-defined]
        return wrapper


def async_timed(
    *, clock: Callable[[], float] = time.perf_counter, log: Callable[[str], None] = print
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """A decorator factory, used as ``@async_timed()``, that times every call.

    Each call logs ``starting {name} with args {args} {kwargs}`` before the coroutine
    runs and ``finished {name} in {elapsed:.4f} second(s)`` after it — also when it
    raises (the exception propagates) — and appends the elapsed time to the wrapper's
    ``timings`` list. The wrapper keeps the name, docstring and ``__wrapped__`` of the
    function, and ``inspect.iscoroutinefunction(wrapper)`` is true.
    """
    return _AsyncTimer(clock, log)
