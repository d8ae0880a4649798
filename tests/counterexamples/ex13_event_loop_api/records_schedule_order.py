"""callback_order records the names when scheduling them, not when they run."""
# expect: soon_after_later
from __future__ import annotations

import threading

from solutions.ex13_event_loop_api import loop_api as _reference
from tests.support.variant import adopt


def callback_order(loop):
    order: list[str] = []
    done = [0]

    def ran() -> None:
        done[0] += 1
        if done[0] == 3:
            loop.stop()

    loop.call_later(0.01, ran)
    order.append("later")  # recorded when scheduled, not when run
    loop.call_soon(ran)
    order.append("soon")
    helper = threading.Thread(target=loop.call_soon_threadsafe, args=(ran,))
    helper.start()
    order.append("threadsafe")
    try:
        loop.run_forever()
    finally:
        helper.join()
    return order


adopt(_reference, globals())  # the rest is the reference's
