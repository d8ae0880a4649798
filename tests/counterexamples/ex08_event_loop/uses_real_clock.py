"""Reads the time with time.monotonic() instead of the clock it was given."""
# expect: clock_unused
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
        self.clock = time.monotonic  # the real time is the real time, whatever was passed in
