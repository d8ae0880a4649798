"""Right answer: a hand-made loop with loop.set_debug(True) and a logging.Filter on the logger.

find_slow_callbacks builds and closes its own loop (set_debug, slow_callback_duration,
run_until_complete) and collects the reports with a logger-level filter;
find_never_awaited records with catch_warnings(record=True) but lets only the
"never awaited" RuntimeWarnings through its "always" filter.

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


_SLOW = re.compile(r"Executing (?P<what>.+) took (?P<seconds>[0-9.]+) seconds", re.DOTALL)


class _SlowFilter(logging.Filter):
    """Looks at every record of the logger; keeps the slow-callback ones, drops none."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[SlowCallback] = []

    def filter(self, record: logging.LogRecord) -> bool:
        match = _SLOW.fullmatch(record.getMessage())
        if match is not None:
            self.found.append(SlowCallback(match["what"], float(match["seconds"])))
        return True


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
    logger = logging.getLogger("asyncio")
    spy = _SlowFilter()
    saved_level = logger.level
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    logger.addFilter(spy)
    loop = asyncio.new_event_loop()
    try:
        loop.set_debug(True)
        loop.slow_callback_duration = threshold
        loop.run_until_complete(main())
    finally:
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            logger.removeFilter(spy)
            logger.setLevel(saved_level)
    return spy.found


def find_never_awaited(func: Callable[[], Any]) -> list[str]:
    """Call ``func()`` and return the names of the coroutines it never awaited.

    The names are exactly as the ``coroutine '...' was never awaited`` warnings
    quote them (the coroutine's ``__qualname__``, e.g. ``'Worker.run'`` or
    ``'main.<locals>.helper'``), one per warning, also when the same coroutine
    function was left un-awaited twice. The warning filters are as before
    afterwards, and the collected warnings are not printed.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.filterwarnings("always", message="coroutine '.*' was never awaited",
                                category=RuntimeWarning)
        func()
        gc.collect()
    names = []
    for found in caught:
        text = str(found.message)
        if found.category is RuntimeWarning and text.startswith("coroutine '"):
            first_line = text.partition("\n")[0]
            if first_line.endswith("' was never awaited"):
                names.append(first_line.split("'")[1])
    return names
