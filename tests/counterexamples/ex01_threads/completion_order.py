"""Collects results in the order the threads finish."""
# expect: wrong_results
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

T = TypeVar("T")


class ThreadInfo(NamedTuple):
    pid: int
    thread_count: int
    thread_name: str


def describe_current() -> ThreadInfo:
    return ThreadInfo(os.getpid(), threading.active_count(), threading.current_thread().name)



def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    results: list = []
    lock = threading.Lock()

    def run(f: Callable[[], T]) -> None:
        value = f()
        with lock:
            results.append(value)

    threads = [threading.Thread(target=run, args=(f,)) for f in funcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
