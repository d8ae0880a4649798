"""Locked, but drops the pause() call (it "does nothing" anyway)."""
# expect: pause_count
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
        with self._lock:
            self._value += 1

    def add(self, n: int) -> None:
        with self._lock:
            self._value += n
