"""Makes its own debug loop and never closes it."""
# expect: loop_not_closed
from __future__ import annotations

import asyncio

from solutions.ex16_debug_mode import debugging as _reference
from tests.support.variant import adopt


def _run_in_debug_mode(main, threshold):
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    loop.run_until_complete(main())  # and the loop is left open


adopt(_reference, globals())  # the rest is the reference's
