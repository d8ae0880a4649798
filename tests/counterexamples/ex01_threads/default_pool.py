"""Maps the callables over ThreadPoolExecutor() of its default size (min(32, CPUs + 4))."""
# expect: too_few_threads
from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from solutions.ex01_threads import threads as _reference
from tests.support.variant import adopt

T = TypeVar("T")


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    with ThreadPoolExecutor() as pool:  # "big enough" for a handful of callables
        return list(pool.map(lambda f: f(), funcs))


adopt(_reference, globals())  # the rest is the reference's
