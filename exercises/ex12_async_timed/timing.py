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

    # TODO: define ``decorate(func)`` that builds the wrapper and returns it.
    # TODO: the wrapper is ``async def wrapper(*args, **kwargs)`` decorated with
    #       @functools.wraps(func); it logs the "starting" line, reads clock() into a
    #       *local* variable, awaits func(*args, **kwargs) inside try ...
    # TODO: ... and in ``finally`` computes the elapsed time, appends it to the list
    #       and logs the "finished" line.
    # TODO: give every decorated function its own list: ``wrapper.timings = []``.
    raise NotImplementedError("tasks 1-3: async_timed — see exercises/ex12_async_timed/README.md")
