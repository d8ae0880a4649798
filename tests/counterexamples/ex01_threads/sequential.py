"""Calls the functions one after another in the calling thread."""
# expect: not_concurrent
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from solutions.ex01_threads import threads as _reference
from tests.support.variant import adopt

T = TypeVar("T")


def run_in_threads(funcs: Sequence[Callable[[], T]]) -> list[T]:
    return [f() for f in funcs]


adopt(_reference, globals())  # the rest is the reference's
