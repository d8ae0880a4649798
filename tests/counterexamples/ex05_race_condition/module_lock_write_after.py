"""One lock for the module, made at import; the new value is written after the with-block."""
# expect: write_after_release
from __future__ import annotations

import threading

from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause

_LOCK = threading.Lock()  # made when the module is imported, not in Counter()


class Counter:
    def __init__(self) -> None:
        self._value = 0

    @property
    def value(self) -> int:
        return self._value

    def increment(self) -> None:
        self.add(1)

    def add(self, n: int) -> None:
        with _LOCK:
            current = self._value
            pause()
        self._value = current + n  # the lock is already free: another thread may have read
