"""Runs the coroutine in the current loop (get_event_loop) and closes that."""
# expect: reused_loop
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from solutions.ex13_event_loop_api.loop_api import _clean_up_and_close
from tests.support.variant import adopt


def run_in_new_loop(coro):
    loop = asyncio.get_event_loop()  # the current loop, not a new one
    try:
        return loop.run_until_complete(coro)
    finally:
        _clean_up_and_close(loop)


adopt(_reference, globals())  # the rest is the reference's
