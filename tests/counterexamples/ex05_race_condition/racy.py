"""The given racy stub with value filled in: read, pause, write with no lock."""
# expect: lost_updates
from __future__ import annotations


def pause() -> None:
    pass


class Counter:
    def __init__(self) -> None:
        self._value = 0

    @property
    def value(self) -> int:
        return self._value

    def increment(self) -> None:
        current = self._value
        pause()
        self._value = current + 1

    def add(self, n: int) -> None:
        current = self._value
        pause()
        self._value = current + n
