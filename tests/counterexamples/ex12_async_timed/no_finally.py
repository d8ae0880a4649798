"""Times and logs only calls that return: no finally."""
# expect: no_finally
from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def async_timed(
    *, clock: Callable[[], float] = time.perf_counter, log: Callable[[str], None] = print
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    def decorate(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        timings: list[float] = []

        @functools.wraps(func)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            log(f"starting {func.__name__} with args {args} {kwargs}")
            start = clock()
            result = await func(*args, **kwargs)
            elapsed = clock() - start
            timings.append(elapsed)
            log(f"finished {func.__name__} in {elapsed:.4f} second(s)")
            return result

        wrapper.timings = timings
        return wrapper

    return decorate
