"""Writes add_one as a plain function and calls it without an event loop."""
# expect: not_coroutine
from __future__ import annotations

from solutions.ex09_coroutines import coroutines as _reference
from tests.support.variant import adopt


def add_one(number: int) -> int:
    return number + 1


def run_add_one(number: int) -> int:
    return add_one(number)


adopt(_reference, globals())  # the rest is the reference's
