"""Exercise 05 — shared state and race conditions.

Threads share their process's memory, so two threads can update the same
object. ``Counter`` below updates itself in three steps: read the value, (be
interrupted), write the new value. If two threads read the same value before
either writes, one update overwrites the other and is lost: a *race condition*
(CPython's reference counts would suffer exactly this without the GIL).

Task 1: ``value`` — a read-only property with the current count.
Task 2: ``increment`` — make it atomic with a ``threading.Lock``.
Task 3: ``add`` — the same for ``add(n)``, safe together with ``increment``.

Check your work with ``nox -s check-ex05``.
"""

from __future__ import annotations


def pause() -> None:
    """The thread may be interrupted here.

    Given; do not change it. It does nothing, but the tests replace it with a
    real pause that lets the other threads run, the way the operating system
    may switch threads at any moment. Keep calling it between the read and
    the write of every update.
    """


class Counter:
    """A counter that many threads update at the same time.

    >>> c = Counter()
    >>> c.increment(); c.add(5)
    >>> c.value
    6
    """

    def __init__(self) -> None:
        self._value = 0
        # TODO (task 2): create ONE threading.Lock here (import threading above);
        #       every update of this counter must use this same lock.

    @property
    def value(self) -> int:
        """The current count. Read-only: ``counter.value = 3`` raises AttributeError."""
        # TODO (task 1): return the current count.
        raise NotImplementedError("task 1: value — see exercises/ex05_race_condition/README.md")

    def increment(self) -> None:
        """Add one to the count. As given, this is racy: run it from 8 threads and see."""
        # TODO (task 2): make the three steps below one atomic step: hold the lock
        #       around all of them (read, pause, write), not around just one.
        current = self._value
        pause()
        self._value = current + 1

    def add(self, n: int) -> None:
        """Add ``n`` (which may be negative) to the count. As given, racy too."""
        # TODO (task 3): the same as increment, with the same lock, so that add and
        #       increment running at the same time cannot overwrite each other.
        current = self._value
        pause()
        self._value = current + n
