"""Uses a pool of two threads, so some callables wait for a free thread."""
# expect: too_few_threads
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from solutions.ex01_threads import threads as _reference
from tests.support.variant import adopt

T = TypeVar("T")


from concurrent.futures import ThreadPoolExecutor


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(f) for f in funcs]
        return [f.result() for f in futures]


adopt(_reference, globals())  # the rest is the reference's
