"""Right answer: asyncio.run(debug=True) with a wrapper coroutine; reads the log record's args.

find_slow_callbacks sets slow_callback_duration from inside a wrapper coroutine
run by asyncio.run(..., debug=True) and takes the description and duration from
record.args; find_never_awaited replaces warnings.showwarning inside
catch_warnings() instead of using record=True.

Exercise 16 — spotting problems with asyncio debug mode.

Two classic asyncio mistakes do not raise anything: a coroutine that blocks
(``time.sleep``, heavy computation) silently freezes the loop, and a coroutine
that is called but never awaited silently does nothing. Debug mode reports the
first ("Executing <Task ...> took 0.301 seconds" on the ``asyncio`` logger), and
Python itself warns about the second (``RuntimeWarning: coroutine 'f' was never
awaited``). Here you turn those reports into data.

Task 1: ``find_slow_callbacks`` — run a coroutine in debug mode, return the slow callbacks.
Task 2: ``find_never_awaited`` — call a function, return the coroutines it never awaited.

Check your work with ``nox -s check-ex16``.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import warnings
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any


@dataclass
class SlowCallback:
    """One "Executing <description> took <seconds> seconds" report of the event loop."""

    description: str  # the callback as the log names it, e.g. "<Task finished name=... >"
    seconds: float  # how long that one callback ran


class _Reports(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[SlowCallback] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if (record.msg == "Executing %s took %.3f seconds" and isinstance(args, tuple)
                and len(args) == 2 and isinstance(args[1], float)):
            self.found.append(SlowCallback(str(args[0]), args[1]))


def find_slow_callbacks(
    main: Callable[[], Coroutine[Any, Any, Any]], threshold: float
) -> list[SlowCallback]:
    """Run ``main()`` on a new event loop in debug mode and return its slow callbacks.

    A callback (e.g. one step of a task, up to its next ``await``) is slow when it
    runs for ``threshold`` seconds or more (the loop's ``slow_callback_duration``).
    The reports are the ``asyncio`` logger's "Executing ... took ... seconds"
    warnings, in the order they were logged. Everything you change (logger level,
    handlers) is put back before returning, also when ``main()`` raises.
    """

    async def watched() -> None:
        asyncio.get_running_loop().slow_callback_duration = threshold
        await main()

    logger = logging.getLogger("asyncio")
    reports = _Reports()
    level = logger.level
    logger.addHandler(reports)
    logger.setLevel(logging.DEBUG)
    try:
        asyncio.run(watched(), debug=True)
    finally:
        logger.setLevel(level)
        logger.removeHandler(reports)
    return reports.found


def find_never_awaited(func: Callable[[], Any]) -> list[str]:
    """Call ``func()`` and return the names of the coroutines it never awaited.

    The names are exactly as the ``coroutine '...' was never awaited`` warnings
    quote them (the coroutine's ``__qualname__``, e.g. ``'Worker.run'`` or
    ``'main.<locals>.helper'``), one per warning, also when the same coroutine
    function was left un-awaited twice. The warning filters are as before
    afterwards, and the collected warnings are not printed.
    """
    names: list[str] = []

    def collect(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                file: Any = None, line: str | None = None) -> None:
        text = str(message)
        prefix, suffix = "coroutine '", "' was never awaited"
        first = text.split("\n", 1)[0]
        if issubclass(category, RuntimeWarning) and first.startswith(prefix) and first.endswith(
                suffix):
            names.append(first[len(prefix):-len(suffix)])

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = collect
        func()
        gc.collect()
    return names
