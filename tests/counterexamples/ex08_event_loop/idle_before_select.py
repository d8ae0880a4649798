"""Idles until the next deadline even while sockets are waited on, then polls them."""
# expect: io_waits_for_timer
from __future__ import annotations

import selectors

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def _wait(self, selector: selectors.BaseSelector) -> None:
        if self.timers:  # sleep until the timer first, sockets or not
            timeout = self.timers[0][0] - self.clock()
            if timeout > 0:
                self.idle(timeout)
        if self.waiting:
            self._poll(selector, 0 if self.timers else None)
        self._wake_sleepers()
