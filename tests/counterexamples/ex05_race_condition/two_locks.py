"""One lock for increment, another for add: the two still race each other."""
# expect: lost_updates
from __future__ import annotations

import threading

from solutions.ex05_race_condition import counter as _reference
from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause


class Counter(_reference.Counter):
    def __init__(self) -> None:
        super().__init__()
        self._increment_lock = threading.Lock()
        self._add_lock = threading.Lock()

    def increment(self) -> None:
        with self._increment_lock:
            current = self._value
            pause()
            self._value = current + 1

    def add(self, n: int) -> None:
        with self._add_lock:
            current = self._value
            pause()
            self._value = current + n
