"""Right answer: threads put (index, ok, value) on a queue.Queue; slots filled after the joins.

Exercise 01 — processes and threads.

Every Python program starts as one process with one thread, the *main thread*.
A process can start more threads; they share its memory and its PID.

Task 1: ``describe_current`` — tell which process and thread is running.
Task 2: ``run_in_threads`` — run callables in threads of their own, all at once.

Check your work with ``nox -s check-ex01``.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")


class ThreadInfo(NamedTuple):
    """Where a piece of code is running."""

    pid: int  # the process id (os.getpid())
    thread_count: int  # how many threads are alive in this process right now
    thread_name: str  # the name of the thread that called describe_current()


def describe_current() -> ThreadInfo:
    """Describe the calling thread: its process id, the number of live threads, its name.

    >>> describe_current().thread_name
    'MainThread'
    """
    return ThreadInfo(os.getpid(), threading.active_count(), threading.current_thread().name)


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    """Run every zero-argument callable in a new thread of its own, all at the same time.

    Returns their results in the order of ``funcs`` (not the order they finish in).
    If any call raised, re-raise the exception of the *first* failing callable in
    ``funcs`` order, but only after every thread has finished.
    No thread started here may still be alive when this returns.
    ``run_in_threads([])`` returns ``[]``.
    """
    outcomes: queue.Queue[tuple[int, bool, Any]] = queue.Queue()

    def worker(index: int, func: Callable[[], T]) -> None:
        try:
            outcomes.put((index, True, func()))
        except BaseException as exc:  # reported through the queue
            outcomes.put((index, False, exc))

    threads = []
    for index, func in enumerate(funcs):
        thread = threading.Thread(target=worker, args=(index, func), daemon=False)
        threads.append(thread)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    by_index: dict[int, tuple[bool, Any]] = {}
    while not outcomes.empty():
        index, ok, value = outcomes.get_nowait()
        by_index[index] = (ok, value)
    results: list[T] = []
    for index in range(len(funcs)):
        ok, value = by_index[index]
        if not ok:
            raise value
        results.append(value)
    return results
