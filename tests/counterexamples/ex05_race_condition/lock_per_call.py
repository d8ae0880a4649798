"""Makes a new Lock in every call: nobody else ever waits for it."""
# expect: lost_updates
from __future__ import annotations

import threading

from solutions.ex05_race_condition import counter as _reference
from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause


class Counter(_reference.Counter):
    def increment(self) -> None:
        self.add(1)

    def add(self, n: int) -> None:
        with threading.Lock():  # a brand-new lock on every call
            current = self._value
            pause()
            self._value = current + n
