"""callback_order runs the loop for a fixed 0.05 s instead of until all three ran."""
# expect: threadsafe_missed
from __future__ import annotations

import asyncio

from solutions.ex13_event_loop_api import loop_api as _reference
from solutions.ex13_event_loop_api.loop_api import _schedule_from_thread
from tests.support.variant import adopt


def callback_order(loop):
    order: list[str] = []
    loop.call_soon(order.append, "soon")
    loop.call_later(0.01, order.append, "later")
    helper = _schedule_from_thread(loop, order.append, "threadsafe")
    try:
        loop.run_until_complete(asyncio.sleep(0.05))  # surely plenty for all three
    finally:
        helper.join()
    return order


adopt(_reference, globals())  # the rest is the reference's
