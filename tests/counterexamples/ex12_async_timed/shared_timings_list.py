"""One module-level timings list shared by every decorated function."""
# expect: shared_timings
from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


TIMINGS: list[float] = []  # one list for every decorated function


def async_timed(
    *, clock: Callable[[], float] = time.perf_counter, log: Callable[[str], None] = print
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    def decorate(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(func)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            log(f"starting {func.__name__} with args {args} {kwargs}")
            start = clock()
            try:
                return await func(*args, **kwargs)
            finally:
                elapsed = clock() - start
                TIMINGS.append(elapsed)
                log(f"finished {func.__name__} in {elapsed:.4f} second(s)")

        wrapper.timings = TIMINGS
        return wrapper

    return decorate
