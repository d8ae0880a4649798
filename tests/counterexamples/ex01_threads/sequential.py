"""Calls the functions one after another in the calling thread."""
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
    return [f() for f in funcs]
