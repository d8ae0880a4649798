"""Calls pause() before taking the lock: the read and write are safe, the gap is not inside."""
# expect: pause_outside_lock
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
        pause()
        with self._lock:
            self._value = self._value + 1

    def add(self, n: int) -> None:
        pause()
        with self._lock:
            self._value = self._value + n
