"""add(n) reuses increment() while holding the same (non-re-entrant) lock: deadlock."""
# expect: stuck
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
            current = self._value
            pause()
            self._value = current + 1

    def add(self, n: int) -> None:
        with self._lock:
            for _ in range(n):
                self.increment()
