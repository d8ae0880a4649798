"""add(n) reuses increment() while holding the same (non-re-entrant) lock: deadlock."""
# expect: deadlock, stuck
from __future__ import annotations

from solutions.ex05_race_condition import counter as _reference
from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause


class Counter(_reference.Counter):
    def add(self, n: int) -> None:
        with self._lock:
            for _ in range(n):
                self.increment()  # takes self._lock again, which this thread already holds

    def increment(self) -> None:
        with self._lock:
            current = self._value
            pause()
            self._value = current + 1
