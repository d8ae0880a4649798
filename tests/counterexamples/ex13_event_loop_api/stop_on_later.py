"""callback_order stops the loop at "later", assuming the 0.01 s timer always comes last."""
# expect: threadsafe_missed
from __future__ import annotations

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


def _recorder(loop, order, count):
    def record(name):
        order.append(name)
        if name == "later":  # "later" waits 0.01 s, so surely the other two ran by then
            loop.stop()

    return record


adopt(_reference, globals())  # the rest is the reference's
