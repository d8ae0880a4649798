"""Stand-ins for ``cpu_heavy`` that child processes can import (by module path).

A test puts :func:`timed_square` in place of the module's ``cpu_heavy``; the worker
that runs it reports where (process, thread) and when (monotonic clock, shared by
every process of the machine) it ran, so overlapping calls prove concurrency.
"""

from __future__ import annotations

import os
import threading
import time

from tests.support.timing import scaled

# How long one probe call lasts (scaled). Two workers overlap unless the second one
# starts after the first has run all four calls (0.48 s); calls run in turn never do.
PROBE_SECONDS = 0.12


def timed_square(n: int) -> tuple[int, int, int, float, float]:
    """(n*n, pid, thread id, start, end) of one call that takes ``PROBE_SECONDS``."""
    start = time.monotonic()
    time.sleep(scaled(PROBE_SECONDS))
    return n * n, os.getpid(), threading.get_ident(), start, time.monotonic()
