"""Reads the start time once, when the function is decorated."""
# expect: start_at_decoration
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
        start = clock()  # read once, when the function is decorated

        @functools.wraps(func)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            log(f"starting {func.__name__} with args {args} {kwargs}")
            try:
                return await func(*args, **kwargs)
            finally:
                elapsed = clock() - start
                timings.append(elapsed)
                log(f"finished {func.__name__} in {elapsed:.4f} second(s)")

        wrapper.timings = timings
        return wrapper

    return decorate
