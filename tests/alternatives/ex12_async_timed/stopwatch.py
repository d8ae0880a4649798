"""Right answer: a per-call Stopwatch context manager does the timing; functools.wraps.

Each call enters its own ``_Stopwatch`` (a small ``with`` object), whose ``__exit__``
runs on success and on error alike, so no try/finally is written in the wrapper.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class _Stopwatch:
    """Times one ``with`` block on ``clock``; on exit records and reports the time."""

    def __init__(
        self, name: str, clock: Callable[[], float], log: Callable[[str], None],
        timings: list[float],
    ) -> None:
        self.name = name
        self.clock = clock
        self.log = log
        self.timings = timings
        self.start = 0.0

    def __enter__(self) -> _Stopwatch:
        self.start = self.clock()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        elapsed = self.clock() - self.start
        self.timings.append(elapsed)
        self.log(f"finished {self.name} in {elapsed:.4f} second(s)")
        # returning None: an exception of the block goes on


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

    def decorate(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        timings: list[float] = []

        @functools.wraps(func)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            log(f"starting {func.__name__} with args {args} {kwargs}")
            with _Stopwatch(func.__name__, clock, log, timings):
                return await func(*args, **kwargs)

        wrapper.timings = timings  # type: ignore[attr-defined]
        return wrapper

    return decorate
