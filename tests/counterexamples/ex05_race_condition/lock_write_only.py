"""Locks only the write: two threads can still read the same old value."""
# expect: lost_updates
from __future__ import annotations

import threading


def pause() -> None:
    pass


class Counter:
    def __init__(self) -> None:
        self._value = 0
        self._lock = threading.Lock()

    @property
    def value(self) -> int:
        return self._value

    def increment(self) -> None:
        current = self._value
        pause()
        with self._lock:
            self._value = current + 1

    def add(self, n: int) -> None:
        current = self._value
        pause()
        with self._lock:
            self._value = current + n
