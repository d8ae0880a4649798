"""Runs add_one in a new loop by hand and never closes the loop."""
# expect: loop_not_closed
from __future__ import annotations

import asyncio

from solutions.ex09_coroutines import coroutines as _reference
from solutions.ex09_coroutines.coroutines import add_one
from tests.support.variant import adopt


def run_add_one(number: int) -> int:
    loop = asyncio.new_event_loop()
    return loop.run_until_complete(add_one(number))


adopt(_reference, globals())  # the rest is the reference's
