"""Right answer: asyncio.Runner with a loop_factory that makes a debug loop; a list handler.

The loop factory switches debug mode on and sets slow_callback_duration before
the runner uses the loop; the handler only stores the records, which are parsed
afterwards; find_never_awaited collects twice with gc.collect() and parses with
re.search.

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
import re
import warnings
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any


@dataclass
class SlowCallback:
    """One "Executing <description> took <seconds> seconds" report of the event loop."""

    description: str  # the callback as the log names it, e.g. "<Task finished name=... >"
    seconds: float  # how long that one callback ran


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_REPORT = re.compile(r"\AExecuting (.+) took (\d+\.\d+) seconds\Z", re.DOTALL)
_UNAWAITED = re.compile(r"\Acoroutine '([^']+)' was never awaited")


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

    def debug_loop() -> asyncio.AbstractEventLoop:
        loop = asyncio.new_event_loop()
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        return loop

    logger = logging.getLogger("asyncio")
    keep = _Keep()
    old_level = logger.level
    logger.setLevel(min(old_level or logging.WARNING, logging.WARNING))
    logger.addHandler(keep)
    try:
        with asyncio.Runner(loop_factory=debug_loop) as runner:
            runner.run(main())
    finally:
        logger.removeHandler(keep)
        logger.setLevel(old_level)
    reports = []
    for record in keep.records:
        match = _REPORT.search(record.getMessage())
        if match:
            reports.append(SlowCallback(match.group(1), float(match.group(2))))
    return reports


def find_never_awaited(func: Callable[[], Any]) -> list[str]:
    """Call ``func()`` and return the names of the coroutines it never awaited.

    The names are exactly as the ``coroutine '...' was never awaited`` warnings
    quote them (the coroutine's ``__qualname__``, e.g. ``'Worker.run'`` or
    ``'main.<locals>.helper'``), one per warning, also when the same coroutine
    function was left un-awaited twice. The warning filters are as before
    afterwards, and the collected warnings are not printed.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)
        func()
        for _ in range(2):  # a finalizer may free more garbage on the next pass
            gc.collect()
    return [
        match.group(1)
        for warning in caught
        if issubclass(warning.category, RuntimeWarning)
        and (match := _UNAWAITED.search(str(warning.message)))
    ]
