"""Cleans up and closes the loop only when the coroutine returns normally."""
# expect: not_closed_on_error
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from solutions.ex13_event_loop_api.loop_api import _clean_up_and_close
from tests.support.variant import adopt


def run_in_new_loop(coro):
    loop = asyncio.new_event_loop()
    result = loop.run_until_complete(coro)  # if coro raises, nothing below runs
    _clean_up_and_close(loop)
    return result


adopt(_reference, globals())  # the rest is the reference's
