"""Right answer: one concurrent.futures.Future per callable, filled by a raw thread.

Exercise 01 — processes and threads.

Every Python program starts as one process with one thread, the *main thread*.
A process can start more threads; they share its memory and its PID.

Task 1: ``describe_current`` — tell which process and thread is running.
Task 2: ``run_in_threads`` — run callables in threads of their own, all at once.

Check your work with ``nox -s check-ex01``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import NamedTuple, TypeVar

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
    pid = os.getpid()
    count = threading.active_count()
    name = threading.current_thread().name
    return ThreadInfo(pid=pid, thread_count=count, thread_name=name)


def _fill(future: Future[T], func: Callable[[], T]) -> None:
    """Thread target: run ``func`` and put its outcome into ``future``."""
    try:
        value = func()
    except BaseException as exc:  # the caller re-raises it from future.result()
        future.set_exception(exc)
    else:
        future.set_result(value)


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    """Run every zero-argument callable in a new thread of its own, all at the same time.

    Returns their results in the order of ``funcs`` (not the order they finish in).
    If any call raised, re-raise the exception of the *first* failing callable in
    ``funcs`` order, but only after every thread has finished.
    No thread started here may still be alive when this returns.
    ``run_in_threads([])`` returns ``[]``.
    """
    futures: list[Future[T]] = [Future() for _ in funcs]
    threads = [
        threading.Thread(target=_fill, args=(future, func), name=f"run_in_threads-{i}")
        for i, (future, func) in enumerate(zip(futures, funcs, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Every future is done now; result() raises the stored exception, and the list
    # comprehension meets the first failure in input order first.
    return [future.result() for future in futures]
