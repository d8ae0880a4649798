"""Exercise 01 — processes and threads.

Every Python program starts as one process with one thread, the *main thread*.
A process can start more threads; they share its memory and its PID.

Task 1: ``describe_current`` — tell which process and thread is running.
Task 2: ``run_in_threads`` — run callables in threads of their own, all at once.

Check your work with ``nox -s check-ex01``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    # TODO: build a ThreadInfo from os.getpid(), threading.active_count() and
    #       the name of threading.current_thread().
    raise NotImplementedError("task 1: describe_current — see exercises/ex01_threads/README.md")


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    """Run every zero-argument callable in a new thread of its own, all at the same time.

    Returns their results in the order of ``funcs`` (not the order they finish in).
    If any call raised, re-raise the exception of the *first* failing callable in
    ``funcs`` order, but only after every thread has finished.
    No thread started here may still be alive when this returns.
    ``run_in_threads([])`` returns ``[]``.
    """
    # TODO: give every callable a slot for its result or its exception (a thread
    #       cannot return a value, so the target must store it somewhere).
    # TODO: create one threading.Thread per callable and start them ALL ...
    # TODO: ... and only then join them all.
    # TODO: re-raise the first exception in input order, or return the results.
    raise NotImplementedError("task 2: run_in_threads — see exercises/ex01_threads/README.md")
