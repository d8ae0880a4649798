"""Starts each thread and joins it before starting the next one."""
# expect: not_concurrent
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
    results: list = [None] * len(funcs)
    errors: list = [None] * len(funcs)

    def run(i: int) -> None:
        try:
            results[i] = funcs[i]()
        except BaseException as exc:
            errors[i] = exc

    for i in range(len(funcs)):
        t = threading.Thread(target=run, args=(i,))
        t.start()
        t.join()
    for e in errors:
        if e is not None:
            raise e
    return results
