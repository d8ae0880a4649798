"""Stand-ins for ``cpu_heavy`` that child processes can import (by module path).

A test puts :func:`timed_square` in place of the module's ``cpu_heavy``; the worker
that runs it reports where (process, thread) and when (monotonic clock, shared by
every process of the machine) it ran, so overlapping calls prove concurrency.

Replacing ``mod.cpu_heavy`` reaches only this process and workers forked from it.
A worker started with spawn or forkserver (the default on Linux from Python 3.14)
imports the checked module afresh, where ``cpu_heavy`` is the real one: a learner's
module-level wrapper (``def job(i, n): return i, cpu_heavy(n)``) submitted to the
pool would run the real function there. So the test hands crunch_all
:class:`Armed` numbers: every number sent to a worker is pickled, and unpickling
one puts the probe in place in the process that receives it (:func:`arm`).
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from typing import Any

from tests.support.timing import scaled

# How long one probe call lasts (scaled). Two workers overlap unless the second one
# starts after the first has run all four calls (0.48 s); calls run in turn never do.
PROBE_SECONDS = 0.12
# The checked module, as a worker process imports it.
MODULE = "ex14_blocking_calls.blocking"


def timed_square(n: int) -> tuple[int, int, int, float, float]:
    """(n*n, pid, thread id, start, end) of one call that takes ``PROBE_SECONDS``."""
    start = time.monotonic()
    time.sleep(scaled(PROBE_SECONDS))
    return n * n, os.getpid(), threading.get_ident(), start, time.monotonic()


def arm(n: int) -> int:
    """Put :func:`timed_square` in place of ``cpu_heavy`` in this process; give ``n`` back.

    Runs wherever an :class:`Armed` number is unpickled: in a worker process, before
    the worker looks ``cpu_heavy`` up.
    """
    module = importlib.import_module(MODULE)
    if getattr(module, "cpu_heavy", None) is not timed_square:
        setattr(module, "cpu_heavy", timed_square)  # noqa: B010  (a module of its own)
    return int(n)


class Armed(int):
    """An int that arms the probe in the process that unpickles it (a plain int there)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return arm, (int(self),)
