"""Exercise 01 — processes and threads (reference solution).

Task 1: ``describe_current`` — tell which process and thread is running.
Task 2: ``run_in_threads`` — run callables in threads of their own, all at once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

T = TypeVar("T")


class ThreadInfo(NamedTuple):
    """Where a piece of code is running."""

    pid: int
    thread_count: int
    thread_name: str


def describe_current() -> ThreadInfo:
    """Describe the calling thread: its process id, the number of live threads, its name."""
    # All threads of a process share its PID; the count includes the main thread.
    return ThreadInfo(
        pid=os.getpid(),
        thread_count=threading.active_count(),
        thread_name=threading.current_thread().name,
    )


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    """Run every zero-argument callable in a new thread of its own, all at the same time."""
    # A thread's target cannot return a value: each one writes into its own slot.
    results: list[T | None] = [None] * len(funcs)
    errors: list[BaseException | None] = [None] * len(funcs)

    def run(index: int) -> None:
        try:
            results[index] = funcs[index]()
        except BaseException as exc:  # kept for the caller, re-raised below
            errors[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(funcs))]
    # Start them all first: joining inside this loop would run them one at a time.
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Every thread has finished now; report the first failure in input order.
    for error in errors:
        if error is not None:
            raise error
    return results  # type: ignore[return-value]
