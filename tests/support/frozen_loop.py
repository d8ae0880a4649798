"""Unfreeze a test whose event loop is stuck in learner code (busy loop, time.sleep in a loop).

``asyncio.timeout`` cannot end such a test: it needs the loop to turn.  A
heartbeat task records when the loop last turned; a watchdog thread
(``course-*``, so the leak check ignores it) raises :class:`LoopFrozen` inside
the loop's thread once the loop has not turned for ``seconds`` of real time
(scaled).  The exception surfaces in the frozen code, travels up the awaits
and the test turns it into its own message.

    async with FreezeGuard(1.0) as guard:
        try:
            await mod.count_while_waiting(1.0, 0.1)
        except LoopFrozen:
            MSG.fail("loop_blocked", frozen=guard.frozen_for)
"""

from __future__ import annotations

import asyncio
import ctypes
import threading
import time
from types import TracebackType

from .timing import scaled


class LoopFrozen(BaseException):
    """Raised by the watchdog inside code that kept the event loop from turning."""


class FreezeGuard:
    def __init__(self, seconds: float = 1.0, beat: float = 0.05) -> None:
        self.limit = scaled(seconds)
        self.beat = beat  # loop seconds between heartbeats (virtual under looptime)
        self.fired = 0
        self.frozen_for = 0.0
        self._last = time.monotonic()
        self._stop = threading.Event()
        self._target = threading.get_ident()
        self._task: asyncio.Task[None] | None = None
        self._watchdog: threading.Thread | None = None

    async def _heartbeat(self) -> None:
        while True:
            self._last = time.monotonic()
            await asyncio.sleep(self.beat)

    def _watch(self) -> None:
        while not self._stop.wait(0.02):
            frozen = time.monotonic() - self._last
            if frozen < self.limit or self.fired >= 5:
                continue
            self.fired += 1
            self.frozen_for = max(self.frozen_for, frozen)
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(self._target), ctypes.py_object(LoopFrozen)
            )
            self._last = time.monotonic()  # give the exception time to land

    async def __aenter__(self) -> FreezeGuard:
        self._target = threading.get_ident()
        self._last = time.monotonic()
        self._task = asyncio.create_task(self._heartbeat(), name="course-freeze-heartbeat")
        self._watchdog = threading.Thread(
            target=self._watch, name="course-freeze-watchdog", daemon=True
        )
        self._watchdog.start()
        await asyncio.sleep(0)
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        assert self._watchdog is not None
        assert self._task is not None
        self._watchdog.join()
        self._task.cancel()
        try:
            await self._task
        except (asyncio.CancelledError, LoopFrozen):
            pass
