"""Runs the coroutine and closes the loop, but does none of asyncio.run's cleanup."""
# expect: leftover_not_cancelled, asyncgen_not_closed, executor_not_shut_down
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


def run_in_new_loop(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()  # no cancelling, no async generators, no executor shutdown


adopt(_reference, globals())  # the rest is the reference's
