"""A blocking call on the event loop's thread, seen while it happens and cut short there.

A watcher thread reads the state of the loop's thread (/proc). Asleep (neither running
nor ready to run) without a single context switch for ``STILL`` seconds while the
heartbeat is overdue by more than the allowed freeze: the loop is stuck in a blocking
call (a loop waiting for events would wake for the next beat; one waiting for a CPU is
ready to run, however busy the machine). The thread then gets a signal whose handler
raises :class:`Frozen` when it lands in the module under test (or in code it called),
where the blocking call was made; in the event loop's own code the call goes on, and
the watch tries again at the next such sleep.

With ``on_thread``, the threads started from then on are watched too: one asleep the
same way while the loop keeps beating means the call waits for a thread that sleeps
(``time.sleep`` sent to an executor, say). ``on_thread()`` is then called once, to end
the call. Without /proc nothing is ever seen, and off the main thread (signals reach
only that one) no call is cut short: the heartbeat judges as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType

from .aio import LoopLag
from .stall import thread_status
from .timing import scaled

_ASYNCIO = os.path.dirname(asyncio.__file__)
STILL = 0.1  # seconds (scaled) a thread must stay asleep, without one switch, to count


class Frozen(BaseException):
    """Raised inside the blocking call (a BaseException: the code under test does not
    catch it by accident)."""


def _tids() -> list[int]:
    try:
        return [int(t) for t in os.listdir("/proc/self/task")]
    except OSError:
        return []


class FreezeWatch:
    """Watch the calling (loop's) thread while :meth:`running`.

    ``limit`` is the freeze allowed (seconds, already scaled); ``module_file`` the file
    of the module under test. ``fired`` tells what was seen: ``"blocked"`` (Frozen was
    raised in the loop's thread) or ``"thread"`` (a new thread slept; ``on_thread``
    was called); ``still`` how long that thread had been asleep.
    """

    def __init__(self, lag: LoopLag, limit: float, module_file: str | None, *,
                 on_thread: Callable[[], object] | None = None) -> None:
        self.lag = lag
        self.limit = limit
        self.module_file = module_file
        self.on_thread = on_thread
        self.window = scaled(STILL)
        self.fired = ""
        self.still = 0.0
        self._pid = os.getpid()
        self._tid = threading.get_native_id()
        self._before = set(_tids()) if on_thread is not None else set()
        self._armed = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="course-freeze-watch",
                                        daemon=True)

    @contextlib.contextmanager
    def running(self) -> Iterator[FreezeWatch]:
        main = threading.current_thread() is threading.main_thread()
        if not os.path.isdir(f"/proc/self/task/{self._tid}") or (
                not main and self.on_thread is None):
            yield self
            return
        previous = signal.signal(signal.SIGUSR1, self._interrupt) if main else None
        self._armed = main
        self._thread.start()
        try:
            yield self
        finally:
            self._armed = False
            self._stop.set()
            self._thread.join()
            if main:
                signal.signal(signal.SIGUSR1, previous)

    def _interrupt(self, signum: int, frame: FrameType | None) -> None:
        if self._armed and self._in_the_call(frame):
            self._armed = False
            self.fired = "blocked"
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
        me = threading.get_native_id()
        seen: dict[int, tuple[int, float]] = {}  # tid -> (switches, asleep since)
        while not self.fired and not self._stop.wait(0.01):
            now = time.perf_counter()
            tids = [self._tid]
            if self.on_thread is not None:
                tids += [t for t in _tids() if t not in self._before and t != me]
            for tid in tids:
                found = thread_status(self._pid, tid)
                if found is None:
                    continue  # the thread just ended
                state, switches = found
                last = seen.get(tid)
                if state in ("R", "D") or last is None or last[0] != switches:
                    seen[tid] = (switches, now)
                    continue
                still = now - last[1]
                if still < self.window:
                    continue
                overdue = now - self.lag.last_beat
                if tid == self._tid:
                    if self._armed and overdue > self.limit:
                        self.still = still
                        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)
                        del seen[tid]  # landed outside the module: wait for the next sleep
                elif self.on_thread is not None and overdue < self.window:
                    self.fired, self.still = "thread", still
                    self.on_thread()
                    return
