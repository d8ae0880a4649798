"""Rendezvous with timeouts: evidence that N calls were in flight at the same time."""

from __future__ import annotations

import os
import threading
from typing import Any

from .timing import scaled


def beyond_default_pool() -> int:
    """One more call than a default-sized pool runs at once on this machine.

    ``ThreadPoolExecutor()`` has min(32, CPUs + 4) threads (counting the CPUs of the
    machine, or from 3.13 those this process may use, which are never more), so this
    many calls that wait for each other can all be running only if none of them waits
    for a free thread of such a pool.
    """
    return min(32, (os.cpu_count() or 1) + 4) + 1


class Rendezvous:
    """A barrier for ``parties`` callers that also counts who arrived.

    ``meet()`` blocks until every party is waiting (then all pass) or until the
    scaled timeout runs out (then the barrier breaks and every waiter gets
    ``threading.BrokenBarrierError``). ``peak`` is the largest number of callers
    that were waiting at the same time, so a sequential implementation shows
    ``peak == 1``.  Works across threads; for processes use a manager barrier.
    """

    def __init__(self, parties: int, timeout: float = 1.0) -> None:
        self.parties = parties
        self.timeout = scaled(timeout)
        self._barrier = threading.Barrier(parties, timeout=self.timeout)
        self._lock = threading.Lock()
        self.waiting = 0
        self.peak = 0
        self.arrived = 0
        self.threads: list[int] = []

    def meet(self) -> None:
        with self._lock:
            self.arrived += 1
            self.waiting += 1
            self.peak = max(self.peak, self.waiting)
            self.threads.append(threading.get_ident())
        try:
            self._barrier.wait()
        finally:
            with self._lock:
                self.waiting -= 1

    def abort(self) -> None:
        """Break the barrier for whoever waits at it (unless every party already met).

        For a test that has evidence no other party can come (a stall, see
        ``tests/support/stall.py``): the waiters get ``BrokenBarrierError`` now
        instead of at the timeout.
        """
        if not self.opened:
            self._barrier.abort()

    @property
    def opened(self) -> bool:
        """True when all parties met at once."""
        return self.peak >= self.parties

    def __call__(self, *_: Any) -> None:
        self.meet()
