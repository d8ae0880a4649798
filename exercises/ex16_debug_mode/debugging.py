"""Exercise 16 — spotting problems with asyncio debug mode.

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

import asyncio  # noqa: F401  (you will need it)
import gc  # noqa: F401  (you will need it)
import logging  # noqa: F401  (you will need it)
import re  # noqa: F401  (you will need it)
import warnings  # noqa: F401  (you will need it)
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any


@dataclass
class SlowCallback:
    """One "Executing <description> took <seconds> seconds" report of the event loop."""

    description: str  # the callback as the log names it, e.g. "<Task finished name=... >"
    seconds: float  # how long that one callback ran


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
    # TODO: attach a logging.Handler of your own to logging.getLogger("asyncio") that
    #       keeps the "Executing ... took ... seconds" records; make sure the logger lets
    #       WARNING records through (its level may have been raised by the application).
    # TODO: run main() with debug mode on and loop.slow_callback_duration = threshold
    #       (asyncio.Runner(debug=True) gives you the loop before it runs).
    # TODO: turn each record into SlowCallback(description, seconds) — the log's
    #       arguments, or a regular expression on record.getMessage().
    # TODO: in a `finally`, remove your handler and restore the logger's level.
    raise NotImplementedError(
        "task 1: find_slow_callbacks — see exercises/ex16_debug_mode/README.md"
    )


def find_never_awaited(func: Callable[[], Any]) -> list[str]:
    """Call ``func()`` and return the names of the coroutines it never awaited.

    The names are exactly as the ``coroutine '...' was never awaited`` warnings
    quote them (the coroutine's ``__qualname__``, e.g. ``'Worker.run'`` or
    ``'main.<locals>.helper'``), one per warning, also when the same coroutine
    function was left un-awaited twice. The warning filters are as before
    afterwards, and the collected warnings are not printed.
    """
    # TODO: record warnings with warnings.catch_warnings(record=True), and make sure
    #       none is filtered out or shown only once (warnings.simplefilter("always")).
    # TODO: call func(), then gc.collect(): a coroutine caught in a reference cycle
    #       warns only when the garbage collector destroys it.
    # TODO: keep the RuntimeWarnings whose message matches
    #       coroutine '(name)' was never awaited, and return the names.
    raise NotImplementedError(
        "task 2: find_never_awaited — see exercises/ex16_debug_mode/README.md"
    )
