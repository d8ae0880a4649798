"""Reads and pauses under the lock, but writes the new value after the with-block."""
# expect: write_after_release
from __future__ import annotations

from solutions.ex05_race_condition import counter as _reference
from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause


class Counter(_reference.Counter):
    def increment(self) -> None:
        self.add(1)

    def add(self, n: int) -> None:
        with self._lock:
            current = self._value
            pause()
        self._value = current + n  # the lock is already free: another thread may have read
