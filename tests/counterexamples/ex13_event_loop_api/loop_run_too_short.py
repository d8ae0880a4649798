"""callback_order runs the loop only briefly, before the call_later callback is due."""
# expect: wrong_names
from __future__ import annotations

import asyncio
import threading

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


def callback_order(loop):
    order: list[str] = []
    loop.call_soon(order.append, "soon")
    loop.call_later(0.01, order.append, "later")
    helper = threading.Thread(target=loop.call_soon_threadsafe, args=(order.append, "threadsafe"))
    helper.start()
    helper.join()
    loop.run_until_complete(asyncio.sleep(0))  # one short run: "later" is not due yet
    return order


adopt(_reference, globals())  # the rest is the reference's
