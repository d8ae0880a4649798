"""Targets for run_in_processes: module-level so that spawn/forkserver children import them."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

# The exit code of a child that dies without a result: a number no pid, index or count of
# the test is likely to be, matched as a whole number in the error message.
SILENT_EXIT = 37

# Between two children's finishing times: results gathered as children finish are then
# never in input order, so that mistake fails every time, not by luck of the scheduler.
GAP = 0.05


def meet_and_report(arg: tuple[Any, int]) -> tuple[int, int, bool, str]:
    """Wait at a shared (manager) barrier; report (index, pid, met, thread name).

    After the meeting the first index finishes last, two gaps after all the others.
    """
    barrier, index = arg
    try:
        barrier.wait()
        met = True
        if index == 0:
            time.sleep(2 * GAP)
    except threading.BrokenBarrierError:
        met = False
    return index, os.getpid(), met, threading.current_thread().name


def finish_in_reverse(arg: tuple[int, int]) -> str | None:
    """The later the argument, the sooner it finishes; index 1 returns None (a result)."""
    index, count = arg
    time.sleep(0.05 * (count - index))
    return None if index == 1 else f"result-{index}"


def fail_on_three(arg: tuple[int, Any]) -> int:
    """3 raises at once; the others return 0.2 s after it raised (``failed`` tells them).

    A call that raises as soon as the error arrives, without joining, does so while the
    others still run, every time, however late any child started.
    """
    value, failed = arg
    if value == 3:
        failed.set()
        raise ValueError(f"bad input {value}")
    failed.wait(10)
    time.sleep(0.2)
    return value


def exit_silently_on_two(arg: tuple[int, int, Any, Any]) -> int:
    """1 returns after 0.1 s; 2 dies without a result; 3 returns 0.2 s after both.

    A call that reads the results in order and raises at the silent death, without
    joining, does so right after 1's result and 2's death: 3 is still running then,
    every time, however late any child started.
    """
    value, parent, first_done, second_dying = arg
    if value == 2:
        second_dying.set()
        if os.getpid() == parent:  # called in the test process itself: do not kill it
            raise RuntimeError(f"os._exit({SILENT_EXIT}) was called in the parent process")
        os._exit(SILENT_EXIT)
    if value == 1:
        time.sleep(0.1)
        first_done.set()
    else:
        first_done.wait(10)
        second_dying.wait(10)
        time.sleep(0.2)
    return value


def exit_zero_on_two(arg: tuple[int, int]) -> int:
    """2 ends with exit code 0 ("success") without sending a result; the others return."""
    value, parent = arg
    if value == 2:
        if os.getpid() == parent:  # called in the test process itself: do not end it
            raise RuntimeError("os._exit(0) was called in the parent process")
        os._exit(0)
    return value


def child_pid(_: object) -> int:
    return os.getpid()


def big_result(arg: tuple[int, Any]) -> bytes:
    """``size`` bytes; a large result comes a gap after the small one has ended (``small_done``
    tells it), so that results gathered as children finish are out of order every time,
    however late the small child started."""
    size, small_done = arg
    if size > 1024:
        # No time limit: when the small child never runs (children run one at a time, or
        # in the parent), nothing can end this wait, and the test's stall watch says so
        # within a fraction of a second instead of waiting for a poll that never ends.
        small_done.wait()
        time.sleep(GAP)
    else:
        small_done.set()
    return b"x" * size
