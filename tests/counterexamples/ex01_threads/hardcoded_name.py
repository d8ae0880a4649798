"""Assumes the caller is always the main thread."""
# expect: wrong_name
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
    return ThreadInfo(os.getpid(), threading.active_count(), "MainThread")


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    threads = []
    results: list = [None] * len(funcs)

    def run(i: int) -> None:
        results[i] = funcs[i]()

    for i in range(len(funcs)):
        threads.append(threading.Thread(target=run, args=(i,)))
        threads[-1].start()
    for t in threads:
        t.join()
    return results
