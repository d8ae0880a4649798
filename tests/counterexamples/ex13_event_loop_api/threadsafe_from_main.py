"""callback_order calls call_soon_threadsafe from the loop's own thread."""
# expect: not_from_thread
from __future__ import annotations

from solutions.ex13_event_loop_api import loop_api as _reference
from solutions.ex13_event_loop_api.loop_api import _recorder
from tests.support.variant import adopt


def callback_order(loop):
    order: list[str] = []
    record = _recorder(loop, order, count=3)
    loop.call_soon(record, "soon")
    loop.call_later(0.01, record, "later")
    loop.call_soon_threadsafe(record, "threadsafe")  # from this same thread
    loop.run_forever()
    return order


adopt(_reference, globals())  # the rest is the reference's
