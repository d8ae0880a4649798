"""Forgets shutdown_default_executor: close() does not wait for the executor."""
# expect: executor_not_shut_down
from __future__ import annotations

from solutions.ex13_event_loop_api import loop_api as _reference
from solutions.ex13_event_loop_api.loop_api import _cancel_leftovers
from tests.support.variant import adopt


def _clean_up_and_close(loop):
    try:
        _cancel_leftovers(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()  # close() does not wait for the executor's threads


adopt(_reference, globals())  # the rest is the reference's
