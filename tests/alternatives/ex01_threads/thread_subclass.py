"""Right answer: a Thread subclass that keeps its own result or exception as attributes.

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
from typing import Generic, NamedTuple, TypeVar

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
    me = threading.current_thread()
    return ThreadInfo(os.getpid(), len(threading.enumerate()), me.name)


class _CallThread(threading.Thread, Generic[T]):
    """A thread that runs one callable and remembers how it ended."""

    def __init__(self, func: Callable[[], T]) -> None:
        super().__init__()
        self.func = func
        self.result: T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.func()
        except BaseException as exc:  # handed to the caller after the join
            self.error = exc


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    """Run every zero-argument callable in a new thread of its own, all at the same time.

    Returns their results in the order of ``funcs`` (not the order they finish in).
    If any call raised, re-raise the exception of the *first* failing callable in
    ``funcs`` order, but only after every thread has finished.
    No thread started here may still be alive when this returns.
    ``run_in_threads([])`` returns ``[]``.
    """
    workers = [_CallThread(func) for func in funcs]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    first = next((w.error for w in workers if w.error is not None), None)
    if first is not None:
        raise first
    return [w.result for w in workers]  # type: ignore[misc]
