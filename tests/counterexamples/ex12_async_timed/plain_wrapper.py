"""The wrapper is a plain function that returns a coroutine."""
# expect: not_coroutine_function
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
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> Awaitable[R]:
            async def timed() -> R:
                log(f"starting {func.__name__} with args {args} {kwargs}")
                start = clock()
                try:
                    return await func(*args, **kwargs)
                finally:
                    elapsed = clock() - start
                    timings.append(elapsed)
                    log(f"finished {func.__name__} in {elapsed:.4f} second(s)")

            return timed()  # a plain function that returns a coroutine

        wrapper.timings = timings
        return wrapper

    return decorate
