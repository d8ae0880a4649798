"""Exercise 12 — timing coroutines with a reusable decorator.

A decorator that wraps a coroutine function must itself be a coroutine
function: the wrapper is ``async def`` and *awaits* the original, so the clock
is read when the coroutine actually starts and when it really ends. Many calls
of the same coroutine function can be running at once, so everything that
belongs to one call (its start time) must live in that call, not on the wrapper.

Task 1: log and time one call (also when it raises).
Task 2: time overlapping calls, each from its own start.
Task 3: a well-behaved decorator (name, docstring, ``__wrapped__``, still a
        coroutine function, a ``timings`` list of its own).

Check your work with ``nox -s check-ex12``.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

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

    def decorate(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        timings: list[float] = []  # one list per decorated function

        # functools.wraps copies __name__, __doc__... and sets __wrapped__.
        @functools.wraps(func)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            return await _timed_call(func, args, kwargs, clock, log, timings)

        wrapper.timings = timings  # type: ignore[attr-defined]
        return wrapper

    return decorate


async def _timed_call(
    func: Callable[..., Awaitable[R]],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    clock: Callable[[], float],
    log: Callable[[str], None],
    timings: list[float],
) -> R:
    """Await one call of ``func``: log its start and end, append how long it took."""
    name = getattr(func, "__name__", repr(func))
    log(f"starting {name} with args {args} {kwargs}")
    # A local variable: every call has its own start, overlapping calls too.
    start = clock()
    try:
        return await func(*args, **kwargs)
    finally:
        # finally: a call that raises is timed and logged as well.
        elapsed = clock() - start
        timings.append(elapsed)
        log(f"finished {name} in {elapsed:.4f} second(s)")
