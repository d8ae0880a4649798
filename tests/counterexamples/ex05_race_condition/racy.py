"""The given racy stub with value filled in: read, pause, write with no lock."""
# expect: lost_updates
from __future__ import annotations

from solutions.ex05_race_condition import counter as _reference
from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause


class Counter(_reference.Counter):
    def increment(self) -> None:
        current = self._value
        pause()
        self._value = current + 1

    def add(self, n: int) -> None:
        current = self._value
        pause()
        self._value = current + n
