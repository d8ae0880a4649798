"""A plain attribute instead of a read-only property: anyone can overwrite the count."""
# expect: value_writable
from __future__ import annotations

import threading


def pause() -> None:
    pass


class Counter:
    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def increment(self) -> None:
        with self._lock:
            current = self.value
            pause()
            self.value = current + 1

    def add(self, n: int) -> None:
        with self._lock:
            current = self.value
            pause()
            self.value = current + n
