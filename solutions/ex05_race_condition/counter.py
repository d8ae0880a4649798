"""Exercise 05 — shared state and race conditions (reference solution).

Task 1: ``value`` — a read-only property with the current count.
Task 2: ``increment`` — make it atomic with a ``threading.Lock``.
Task 3: ``add`` — the same for ``add(n)``, safe together with ``increment``.
"""

from __future__ import annotations

import threading


def pause() -> None:
    """The thread may be interrupted here (the tests replace it with a real pause)."""


class Counter:
    """A counter that many threads update at the same time."""

    def __init__(self) -> None:
        self._value = 0
        # One lock per counter, made once: a Lock() made inside a method would be a
        # new, unshared lock on every call and would exclude nobody.
        self._lock = threading.Lock()

    @property
    def value(self) -> int:
        """The current count. Read-only: a property without a setter."""
        return self._value

    def increment(self) -> None:
        """Add one to the count."""
        # Read, pause and write happen while holding the lock: no other update can
        # read the old value in between, so none is lost.
        with self._lock:
            current = self._value
            pause()
            self._value = current + 1

    def add(self, n: int) -> None:
        """Add ``n`` (which may be negative) to the count."""
        # The same lock as increment(): the two must exclude each other too.
        with self._lock:
            current = self._value
            pause()
            self._value = current + n
