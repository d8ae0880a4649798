"""Re-raises whichever exception happened first in time, without waiting for the rest."""
# expect: wrong_error
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from solutions.ex01_threads import threads as _reference
from tests.support.variant import adopt

T = TypeVar("T")


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


adopt(_reference, globals())  # the rest is the reference's
