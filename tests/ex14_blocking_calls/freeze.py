"""A blocking call on the event loop's thread, seen while it happens and cut short there.

A watcher thread reads the state of the loop's thread (/proc). Asleep (neither running
nor ready to run) without a single context switch for ``STILL`` seconds while the
heartbeat is overdue by more than the allowed freeze: the loop is stuck in a blocking
call (a loop waiting for events would wake for the next beat; one waiting for a CPU is
ready to run, however busy the machine). The thread then gets a signal whose handler
raises :class:`Frozen` when it lands in the module under test, where the blocking call
was made; elsewhere the call goes on, and the watch tries again at the next such sleep.
Without /proc, or off the main thread (signals reach only that one), nothing happens
and the heartbeat judges as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

from tests.support.aio import LoopLag
from tests.support.stall import thread_status
from tests.support.timing import scaled

_ASYNCIO = os.path.dirname(asyncio.__file__)
STILL = 0.1  # seconds (scaled) the loop's thread must stay asleep, without one switch


class Frozen(BaseException):
    """Raised inside the blocking call (a BaseException: the code under test does not
    catch it by accident)."""


class FreezeWatch:
    def __init__(self, lag: LoopLag, limit: float, module_file: str | None) -> None:
        self.lag = lag
        self.limit = limit  # the freeze allowed (seconds, already scaled)
        self.module_file = module_file
        self.window = scaled(STILL)
        self.fired = False  # Frozen was raised in the loop's thread
        self.still = 0.0  # how long the thread had been asleep then
        self._tid = threading.get_native_id()
        self._armed = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="course-freeze-watch",
                                        daemon=True)

    @contextlib.contextmanager
    def running(self) -> Iterator[FreezeWatch]:
        if threading.current_thread() is not threading.main_thread() or not os.path.isdir(
                f"/proc/self/task/{self._tid}"):
            yield self
            return
        previous = signal.signal(signal.SIGUSR1, self._interrupt)
        self._armed = True
        self._thread.start()
        try:
            yield self
        finally:
            self._armed = False
            self._stop.set()
            self._thread.join()
            signal.signal(signal.SIGUSR1, previous)

    def _interrupt(self, signum: int, frame: FrameType | None) -> None:
        if self._armed and self._in_the_call(frame):
            self._armed = False
            self.fired = True
            raise Frozen

    def _in_the_call(self, frame: FrameType | None) -> bool:
        """The signal landed in code the module under test called (its own, or a helper it
        calls), not in the event loop's machinery."""
        if frame is None or os.path.dirname(frame.f_code.co_filename) == _ASYNCIO:
            return False
        while frame is not None:
            if frame.f_code.co_filename == self.module_file:
                return True
            frame = frame.f_back
        return False

    def _run(self) -> None:
        pid = os.getpid()
        last: tuple[int, float] | None = None  # (switches, asleep since)
        while self._armed and not self._stop.wait(0.01):
            found = thread_status(pid, self._tid)
            if found is None:
                return
            state, switches = found
            now = time.perf_counter()
            if state in ("R", "D") or last is None or last[0] != switches:
                last = (switches, now)
                continue
            still = now - last[1]
            if still >= self.window and now - self.lag.last_beat > self.limit:
                self.still = still
                signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)
                last = None  # handled elsewhere than the module: wait for the next sleep
