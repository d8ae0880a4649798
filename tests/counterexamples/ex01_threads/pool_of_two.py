"""Uses a pool of two threads, so some callables wait for a free thread."""
# expect: too_few_threads
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


from concurrent.futures import ThreadPoolExecutor


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(f) for f in funcs]
        return [f.result() for f in futures]
