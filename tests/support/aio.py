"""asyncio evidence: real-time loop lag, leftover tasks, bounded waits.

Virtual time (looptime) makes sleeps free but does not move during blocking
calls, so a test that must catch ``time.sleep`` in a coroutine pairs it with
:class:`LoopLag`, a heartbeat task that measures, in *real* time, the largest
gap between its ticks.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from types import TracebackType
from typing import TypeVar

from .messages import COMMON
from .timing import scaled

T = TypeVar("T")


class LoopLag:
    """``async with LoopLag() as lag: ...`` then ``lag.worst`` is the longest real-time
    gap (seconds) between heartbeats: how long the loop was frozen at most."""

    def __init__(self, tick: float = 0.005) -> None:
        self.tick = tick
        self.worst = 0.0
        self.beats = 0
        self._task: asyncio.Task[None] | None = None
        self._last = time.perf_counter()

    @property
    def last_beat(self) -> float:
        """time.perf_counter() of the heartbeat's last tick."""
        return self._last

    async def _beat(self) -> None:
        self._last = time.perf_counter()
        while True:
            await asyncio.sleep(self.tick)
            now = time.perf_counter()
            self.worst = max(self.worst, now - self._last)
            self.beats += 1
            self._last = now

    async def __aenter__(self) -> LoopLag:
        self._task = asyncio.create_task(self._beat(), name="course-heartbeat")
        await asyncio.sleep(0)
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._task is not None
        # A freeze right before the block ends has had no beat after it: count it too.
        self.worst = max(self.worst, time.perf_counter() - self._last)
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass


async def bounded(aw: Awaitable[T], seconds: float, call: str) -> T:
    """Await ``aw`` for at most ``seconds`` of *real* time (scaled); fail with ``hang``.

    Uses a real-time watchdog thread-free check: under looptime ``asyncio.timeout``
    measures virtual time, which is what most tests want; this one is for calls that
    may block the loop or wait forever.
    """
    scope = asyncio.timeout(scaled(seconds))
    try:
        async with scope:
            return await aw
    except TimeoutError:
        if not scope.expired():  # a timeout inside ``aw`` is the caller's business
            raise
        COMMON.fail("hang", call=call, seconds=scaled(seconds))


def pending_tasks() -> list[asyncio.Task[object]]:
    """Tasks of the running loop other than the current one and the test machinery's."""
    current = asyncio.current_task()
    return [
        t for t in asyncio.all_tasks()
        if t is not current and not t.get_name().startswith("course-") and not t.done()
    ]
