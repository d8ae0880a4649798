"""Makes a new Lock in every call: nobody else ever waits for it."""
# expect: lost_updates
from __future__ import annotations

import threading


def pause() -> None:
    pass


class Counter:
    def __init__(self) -> None:
        self._value = 0

    @property
    def value(self) -> int:
        return self._value

    def increment(self) -> None:
        with threading.Lock():
            current = self._value
            pause()
            self._value = current + 1

    def add(self, n: int) -> None:
        with threading.Lock():
            current = self._value
            pause()
            self._value = current + n
