"""Re-raises whichever exception happened first in time, without waiting for the rest."""
# expect: wrong_error
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


import queue


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    results: list = [None] * len(funcs)
    events: queue.Queue = queue.Queue()

    def run(i: int) -> None:
        try:
            results[i] = funcs[i]()
            events.put(None)
        except BaseException as exc:
            events.put(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(funcs))]
    for t in threads:
        t.start()
    for _ in threads:
        error = events.get()
        if error is not None:
            raise error
    for t in threads:
        t.join()
    return results
