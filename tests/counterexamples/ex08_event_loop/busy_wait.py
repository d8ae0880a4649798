"""Spins on the clock until the next deadline instead of idling."""
# expect: busy_wait
from __future__ import annotations

import time
from collections.abc import Callable

from solutions.ex08_event_loop import scheduler as _reference
from solutions.ex08_event_loop.scheduler import *  # noqa: F403


class Scheduler(_reference.Scheduler):
    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        idle: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(clock, idle)
        self.idle = self._spin  # why sleep when we can keep an eye on the clock?

    def _spin(self, seconds: float) -> None:
        deadline = self.clock() + seconds
        while self.clock() < deadline:
            pass  # nothing to do but watch the clock
