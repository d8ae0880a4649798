"""Calls pause() before taking the lock: the read and write are safe, the gap is not inside."""
# expect: pause_outside_lock
from __future__ import annotations

from solutions.ex05_race_condition import counter as _reference
from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause


class Counter(_reference.Counter):
    def increment(self) -> None:
        self.add(1)

    def add(self, n: int) -> None:
        pause()
        with self._lock:
            self._value = self._value + n
