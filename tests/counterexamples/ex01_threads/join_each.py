"""Starts each thread and joins it before starting the next one."""
# expect: not_concurrent
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from solutions.ex01_threads import threads as _reference
from tests.support.variant import adopt

T = TypeVar("T")


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


adopt(_reference, globals())  # the rest is the reference's
