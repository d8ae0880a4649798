"""A dataclass whose lock comes from field(default_factory=threading.Lock); writes late."""
# expect: write_after_release
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from solutions.ex05_race_condition.counter import *  # noqa: F403
from solutions.ex05_race_condition.counter import pause


@dataclass
class Counter:
    _value: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def value(self) -> int:
        return self._value

    def increment(self) -> None:
        self.add(1)

    def add(self, n: int) -> None:
        with self._lock:
            current = self._value
            pause()
            new = current + n
        self._value = new  # written once the lock is free
