"""What one thread of this process does: spinning over a window, or asleep right now.

Two measures of the thread under watch (the one that runs serve_forever), by
:func:`watch`:

* its state, sampled every ``period`` seconds from ``/proc/self/task/<tid>/stat``
  (Linux): a thread blocked in ``select()`` sleeps (state S); a thread that polls in
  a loop is running or waiting for a CPU (state R) in nearly every sample, however
  busy the machine is;
* its CPU time over the window (the thread's own CPU clock,
  ``time.pthread_getcpuclockid``; where that is missing, this process's CPU time).

The state samples decide where they exist, since a busy machine can starve a
spinning thread of CPU time but not make it sleep; CPU time is the fallback.
The samples are read with ``os.pread`` (which lets go of the GIL) so that the
watcher does not keep the watched thread waiting for the interpreter.

:func:`settle` waits until the thread is asleep and stays so for a moment (state S
and no context switch): a test client that takes turns with the server that way
sees what the server does while nobody else moves.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.support.stall import thread_status

MIN_SAMPLES = 12  # state samples a verdict rests on (the window grows on a busy machine)
CPU_SHARE = 0.25  # without state samples: spinning = this share of the window in CPU time


@dataclass
class Usage:
    wall: float = 0.0  # seconds watched
    cpu: float = 0.0  # CPU seconds the thread used meanwhile
    samples: int = 0  # state samples taken (0 without /proc)
    busy: int = 0  # samples in which the thread was running or runnable

    def spinning(self) -> bool:
        """Running (or ready to run) in most samples: a loop that never sleeps.

        A thread that wakes up now and then (select() with a short timeout) is asleep
        in nearly every sample, even when a busy machine keeps it waiting for a CPU
        for a moment after each wake-up.
        """
        if self.samples >= 5:
            return self.busy >= 0.5 * self.samples
        return self.cpu >= CPU_SHARE * self.wall


def _cpu_clock(thread: threading.Thread) -> Callable[[], float] | None:
    getid = getattr(time, "pthread_getcpuclockid", None)
    if getid is None or thread.ident is None:
        return None
    try:
        clock = getid(thread.ident)
        time.clock_gettime(clock)
    except (OSError, OverflowError):
        return None
    return lambda: time.clock_gettime(clock)


def watch(thread: threading.Thread, seconds: float, period: float = 0.005) -> Usage:
    """Watch ``thread`` for ``seconds`` and at least MIN_SAMPLES samples (at most four
    times ``seconds``: a window, not an allowance, so it is not scaled).

    Ends early once the thread has ended.
    """
    usage = Usage()
    cpu = _cpu_clock(thread) or time.process_time
    fd = -1
    if thread.native_id is not None:
        with contextlib.suppress(OSError):
            fd = os.open(f"/proc/self/task/{thread.native_id}/stat", os.O_RDONLY)
    try:
        start, cpu0 = time.perf_counter(), cpu()
        cpu1 = cpu0
        while thread.is_alive():
            elapsed = time.perf_counter() - start
            if elapsed >= 4 * seconds or elapsed >= seconds and (
                    fd < 0 or usage.samples >= MIN_SAMPLES):
                break
            time.sleep(period)
            if fd >= 0:
                try:
                    stat = os.pread(fd, 1024, 0)
                except OSError:
                    break  # the thread ended
                usage.samples += 1
                usage.busy += stat.rsplit(b")", 1)[-1].split()[:1] == [b"R"]
            with contextlib.suppress(OSError):
                cpu1 = cpu()  # the thread's clock is gone once it has ended
        usage.wall = time.perf_counter() - start
        usage.cpu = max(0.0, cpu1 - cpu0)
    finally:
        if fd >= 0:
            os.close(fd)
    return usage


def settle(thread: threading.Thread, limit: float = 0.02, quiet: float = 0.002) -> bool:
    """Wait (up to ``limit`` seconds) until ``thread`` sleeps and stays asleep for ``quiet``.

    True once it did; False at the limit (a thread that never sleeps), or at once where
    ``/proc`` is missing (after sleeping ``quiet``) or when the thread has ended.
    """
    tid = thread.native_id
    end = time.monotonic() + limit
    last = None if tid is None else thread_status(os.getpid(), tid)
    if tid is None or last is None:
        time.sleep(quiet)
        return False
    while time.monotonic() < end:
        time.sleep(quiet)
        now = thread_status(os.getpid(), tid)
        if now is None:
            return False
        if now[0] == "S" and last[0] == "S" and now[1] == last[1]:
            return True
        last = now
    return False
