"""Exercise 16 — spotting problems with asyncio debug mode (reference solution).

Task 1: ``find_slow_callbacks`` — run a coroutine in debug mode, return the slow callbacks.
Task 2: ``find_never_awaited`` — call a function, return the coroutines it never awaited.
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

SLOW = re.compile(r"^Executing (.*) took (\d+(?:\.\d+)?) seconds$", re.DOTALL)
NEVER_AWAITED = re.compile(r"^coroutine '(.*)' was never awaited")


@dataclass
class SlowCallback:
    """One "Executing <description> took <seconds> seconds" report of the event loop."""

    description: str
    seconds: float


class _SlowCallbackCollector(logging.Handler):
    """Keeps the loop's slow-callback reports; other records pass by untouched."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[SlowCallback] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = SLOW.match(record.getMessage())
        if match:
            self.found.append(SlowCallback(match.group(1), float(match.group(2))))


def find_slow_callbacks(
    main: Callable[[], Coroutine[Any, Any, Any]], threshold: float
) -> list[SlowCallback]:
    """Run ``main()`` on a new event loop in debug mode and return its slow callbacks."""
    logger = logging.getLogger("asyncio")
    collector = _SlowCallbackCollector()
    old_level = logger.level
    logger.addHandler(collector)
    # The application may have silenced asyncio; the reports are WARNING records.
    if not logger.isEnabledFor(logging.WARNING):
        logger.setLevel(logging.WARNING)
    try:
        _run_in_debug_mode(main, threshold)
    finally:
        logger.removeHandler(collector)
        logger.setLevel(old_level)
    return collector.found


def _run_in_debug_mode(main: Callable[[], Coroutine[Any, Any, Any]], threshold: float) -> None:
    """Run ``main()`` on a new loop that reports callbacks slower than ``threshold``."""
    # Debug mode belongs to this one loop: nothing global is switched on.
    with asyncio.Runner(debug=True) as runner:
        runner.get_loop().slow_callback_duration = threshold
        runner.run(main())


def find_never_awaited(func: Callable[[], Any]) -> list[str]:
    """Call ``func()`` and return the names of the coroutines it never awaited."""
    # catch_warnings restores the filters and showwarning when the block ends;
    # record=True keeps the warnings in a list instead of printing them.
    with warnings.catch_warnings(record=True) as caught:
        # "always": the default action shows a warning only once per code location.
        warnings.simplefilter("always")
        _call_and_finalise(func)
    return _never_awaited_names(caught)


def _call_and_finalise(func: Callable[[], Any]) -> None:
    """Call ``func()`` and drop what it returned, so every coroutine it left is finalised."""
    result = func()
    del result
    # A coroutine in a reference cycle is only finalised (and warns) when the
    # cycle collector runs.
    gc.collect()


def _never_awaited_names(caught: list[warnings.WarningMessage]) -> list[str]:
    """The coroutine names in the "coroutine '...' was never awaited" warnings."""
    names = []
    for warning in caught:
        match = NEVER_AWAITED.match(str(warning.message))
        if issubclass(warning.category, RuntimeWarning) and match:
            names.append(match.group(1))
    return names
