"""Right answer: metadata copied by hand instead of functools.wraps.

The wrapper sets ``__name__``, ``__qualname__``, ``__doc__``, ``__module__`` and
``__wrapped__`` itself and keeps its per-call start in a local inside ``try/finally``.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


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

    def decorator(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        timings: list[float] = []

        async def timed(*args: P.args, **kwargs: P.kwargs) -> R:
            log(f"starting {func.__name__} with args {args} {kwargs}")
            start = clock()
            try:
                return await func(*args, **kwargs)
            finally:
                elapsed = clock() - start
                timings.append(elapsed)
                log(f"finished {func.__name__} in {elapsed:.4f} second(s)")

        timed.__name__ = func.__name__
        timed.__qualname__ = getattr(func, "__qualname__", func.__name__)
        timed.__doc__ = func.__doc__
        timed.__module__ = func.__module__
        timed.__wrapped__ = func  # type: ignore[attr-defined]
        timed.timings = timings  # type: ignore[attr-defined]
        return timed

    return decorator
