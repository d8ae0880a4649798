"""A stall watch with ``settle`` tells a wait that nothing can end from one a timer ends.

Every thread that could act blocked without a time limit: stuck for good, told after
``settle``. A thread that sleeps or polls with a timeout keeps the long window.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import threading
import time
from collections.abc import Callable

import pytest

from tests.support.stall import StallWatch, waits_for_ever

pytestmark = pytest.mark.skipif(
    not os.path.isdir("/proc/self/task") or platform.machine() not in ("x86_64", "aarch64"),
    reason="reads /proc/<pid>/task/<tid>/syscall (Linux, x86_64 or aarch64)")


def blocked_reading(fd: int) -> None:
    os.read(fd, 1)  # nobody ever writes


def napping() -> None:
    time.sleep(3)


def watch_for(watch: StallWatch, seconds: float) -> float | None:
    """Seconds until the watch said stalled, or None within ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if watch.stalled():
            return time.monotonic() - start
        time.sleep(watch.period)
    return None


def in_thread(target: Callable[[], object]) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    time.sleep(0.1)
    return thread


def test_waits_without_a_limit_are_told_from_waits_with_one() -> None:
    forever, timed = threading.Event(), threading.Event()
    threads = [in_thread(forever.wait), in_thread(lambda: timed.wait(5))]
    try:
        assert waits_for_ever(os.getpid(), threads[0].native_id or 0)
        assert not waits_for_ever(os.getpid(), threads[1].native_id or 0)
    finally:
        forever.set()
        timed.set()


def test_a_child_no_one_will_ever_wake_is_stuck_within_settle() -> None:
    read, write = os.pipe()
    child = multiprocessing.get_context("fork").Process(target=blocked_reading, args=(read,))
    watch = StallWatch(5.0, children=True, settle=0.2)
    child.start()
    joiner = in_thread(child.join)  # the call: waits for the child without a limit
    try:
        took = watch_for(watch, 2.0)
        assert took is not None
        assert took < 1.5
        assert watch.certain
    finally:
        os.write(write, b"x")
        child.join(5)
        joiner.join(5)
        os.close(read)
        os.close(write)


def test_a_child_that_sleeps_keeps_the_long_window() -> None:
    child = multiprocessing.get_context("fork").Process(target=napping)
    watch = StallWatch(5.0, children=True, settle=0.2)
    child.start()
    joiner = in_thread(child.join)
    try:
        assert watch_for(watch, 1.0) is None
        assert not watch.certain
    finally:
        child.kill()
        child.join(5)
        joiner.join(5)
