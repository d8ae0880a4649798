"""callback_order calls plain call_soon from the other thread."""
# expect: no_threadsafe
from __future__ import annotations

import threading

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


def _schedule_from_thread(loop, callback, name):
    helper = threading.Thread(target=loop.call_soon, args=(callback, name))
    helper.start()  # call_soon from another thread: not thread-safe
    return helper


adopt(_reference, globals())  # the rest is the reference's
