"""Cleans up (leftover tasks, async generators, executor) only when the coroutine returns."""
# expect: no_cleanup_on_error
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from solutions.ex13_event_loop_api.loop_api import _cancel_leftovers
from tests.support.variant import adopt


def run_in_new_loop(coro):
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(coro)
        _cancel_leftovers(loop)  # skipped when the coroutine raised
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
        return result
    finally:
        loop.close()


adopt(_reference, globals())  # the rest is the reference's
