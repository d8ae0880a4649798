"""Keys the results by the callable: the same callable passed twice gets one result twice."""
# expect: same_callable
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from solutions.ex01_threads import threads as _reference
from tests.support.variant import adopt

T = TypeVar("T")


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    results: dict[Any, Any] = {}
    errors: dict[Any, BaseException] = {}

    def run(f: Callable[[], T]) -> None:
        try:
            results[f] = f()
        except BaseException as exc:
            errors[f] = exc

    threads = [threading.Thread(target=run, args=(f,)) for f in funcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for f in funcs:
        if f in errors:
            raise errors[f]
    return [results[f] for f in funcs]


adopt(_reference, globals())  # the rest is the reference's
