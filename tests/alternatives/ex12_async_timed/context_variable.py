"""Right answer: the start time lives in a ContextVar, set with a token and reset after.

Each task runs in its own copy of the context, so calls in different tasks never
see each other's start; a call nested in the same task sets the variable anew and,
by resetting it with its token when it ends, gives the outer call its start back.
"""

from __future__ import annotations

import contextvars
import functools
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_START: contextvars.ContextVar[float] = contextvars.ContextVar("async_timed_start")


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
            token = _START.set(clock())
            try:
                return await func(*args, **kwargs)
            finally:
                elapsed = clock() - _START.get()
                _START.reset(token)  # an outer call of this task gets its own start back
                timings.append(elapsed)
                log(f"finished {func.__name__} in {elapsed:.4f} second(s)")

        wrapper.timings = timings  # type: ignore[attr-defined]
        return wrapper

    return decorate
