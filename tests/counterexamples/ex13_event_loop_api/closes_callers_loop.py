"""callback_order closes the loop it was given once the three callbacks ran."""
# expect: closed_callers_loop
from __future__ import annotations

from solutions.ex13_event_loop_api import loop_api as _reference
from solutions.ex13_event_loop_api.loop_api import _recorder, _schedule_from_thread
from tests.support.variant import adopt


def callback_order(loop):
    order: list[str] = []
    record = _recorder(loop, order, count=3)
    loop.call_soon(record, "soon")
    loop.call_later(0.01, record, "later")
    helper = _schedule_from_thread(loop, record, "threadsafe")
    try:
        loop.run_forever()
    finally:
        helper.join()
        loop.close()  # the caller's loop, not ours to close
    return order


adopt(_reference, globals())  # the rest is the reference's
