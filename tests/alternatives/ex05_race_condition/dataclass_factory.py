"""Right answer: a dataclass whose lock comes from ``field(default_factory=threading.Lock)``.

The factory runs once per Counter, so every counter has a lock of its own; the
whole update (read, pause, write) happens while it is held.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


def pause() -> None:
    """The thread may be interrupted here.

    Given; do not change it. It does nothing, but the tests replace it with a
    real pause that lets the other threads run, the way the operating system
    may switch threads at any moment. Keep calling it between the read and
    the write of every update.
    """


@dataclass
class Counter:
    """A counter that many threads may update at once without losing an update."""

    _value: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def value(self) -> int:
        """The current count (read-only)."""
        return self._value

    def increment(self) -> None:
        """Add 1, atomically."""
        self.add(1)

    def add(self, n: int) -> None:
        """Add ``n`` (may be negative), atomically."""
        with self._lock:
            current = self._value
            pause()
            self._value = current + n
