"""Collects results in the order the threads finish."""
# expect: wrong_results
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from solutions.ex01_threads import threads as _reference
from tests.support.variant import adopt

T = TypeVar("T")


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


adopt(_reference, globals())  # the rest is the reference's
