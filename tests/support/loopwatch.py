"""A real-time bound for code that runs on looptime's virtual clock.

Under looptime the loop's clock moves only while the loop has nothing ready to run,
so a virtual wait (``asyncio.sleep``, ``asyncio.timeout``, ``wait_for``, ``bounded``)
needs the loop to idle now and then.  Learner code can stop the clock in two ways,
and the wait would then last until pytest-timeout's backstop kills the whole run:

* the loop is *frozen*: one step never returns (a ``while`` loop without ``await``,
  ``time.sleep`` in a loop).  Nothing else runs on the loop, so a watchdog thread
  raises :class:`LoopFrozen` inside the frozen code;
* the loop *never idles*: it keeps turning, but something is always ready to run
  (``while ...: await asyncio.sleep(0)``).  The watchdog then finds that a callback
  it posts does run while the clock stands still and the process burns CPU; it
  cancels the task of the block (as ``asyncio.timeout`` does), and the block raises
  :class:`NeverIdle`.

    try:
        async with LoopWatch() as watch:
            got = await mod.count_while_waiting(1.0, 0.1)
    except LoopFrozen:
        MSG.fail("loop_blocked", frozen=watch.frozen_for)
    except NeverIdle:
        MSG.fail("never_idle", still=watch.still_for, at=watch.stood_at)

Right answers let the loop idle after a few dozen turns at most, so the thresholds
(CPU seconds burnt, real seconds frozen, both scaled) are far above what they need.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType

from tests.support.lesson import Catalogue
from tests.support.timing import scaled

__all__ = ["LoopFrozen", "LoopWatch", "NeverIdle"]

POLL = 0.01  # real seconds between two looks of the watchdog
QUIET = 0.05  # real seconds of a still clock before the watchdog asks whether the loop turns
PROBE_EVERY = 0.25  # real seconds between two such questions (each one wakes the loop)


class LoopFrozen(BaseException):
    """Raised by the watchdog inside code that kept the event loop from turning."""


class NeverIdle(Exception):
    """The loop kept turning while its clock stood still: it never idled."""


class LoopWatch:
    """``async with LoopWatch():`` ends a block that stops the loop's clock (see above)."""

    def __init__(self, frozen: float = 1.0, busy_cpu: float = 0.3, still: float = 3.0) -> None:
        self.frozen_limit = scaled(frozen)  # real seconds without a turn of the loop
        self.busy_limit = scaled(busy_cpu)  # CPU seconds burnt while the clock stands still
        self.still_limit = scaled(still)  # real seconds of a still clock on a turning loop
        self.frozen_for = 0.0  # longest time the loop did not turn (when LoopFrozen was raised)
        self.still_for = 0.0  # how long the clock stood still on a turning loop (NeverIdle)
        self.stood_at = 0.0  # the loop time where it stood
        self.cancels = 0  # cancellations of the block's task by the watch
        self.injected = 0  # LoopFrozen raised into the loop's thread
        self._stop = threading.Event()
        self._answered = True  # the last probe posted to the loop has run
        self._answered_at = time.monotonic()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[object] | None = None
        self._target = threading.get_ident()
        self._thread: threading.Thread | None = None

    # -- in the loop's thread ---------------------------------------------------------------
    async def __aenter__(self) -> LoopWatch:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        self._target = threading.get_ident()
        self._thread = threading.Thread(target=self._watch, name="course-loop-watch",
                                        daemon=True)
        self._thread.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        assert self._thread is not None
        assert self._task is not None
        self._thread.join()
        if self.injected:  # one may still be on its way: it must not land in the test
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target), None)
        if self.cancels:
            for _ in range(self.cancels):
                self._task.uncancel()
            if not isinstance(exc, LoopFrozen):
                raise NeverIdle(f"loop time stood at {self.stood_at} for {self.still_for} s")

    def _probe(self) -> None:
        self._answered_at = time.monotonic()
        self._answered = True

    def _expire(self, stood: float, still: float) -> None:
        assert self._loop is not None
        assert self._task is not None
        if self._stop.is_set() or self._loop.time() != stood:
            return  # the block is over, or the clock moved after all
        self.cancels += 1
        self.stood_at, self.still_for = stood, still
        self._task.cancel()

    # -- in the watchdog thread -------------------------------------------------------------
    def _post(self, callback: object, *args: object) -> bool:
        assert self._loop is not None
        try:
            self._loop.call_soon_threadsafe(callback, *args)  # type: ignore[arg-type]
        except RuntimeError:  # the loop is closed
            return False
        return True

    def _watch(self) -> None:
        assert self._loop is not None
        seen = self._loop.time()
        since = armed = time.monotonic()  # when the clock last moved / the busy window began
        posted = 0.0  # when the last probe was posted
        cpu = time.process_time()  # CPU time at the window start
        while not self._stop.wait(POLL):
            now, clock = time.monotonic(), self._loop.time()
            if clock != seen:  # the loop idled: all is well
                seen, since, armed, cpu = clock, now, now, time.process_time()
                continue
            if now - since < QUIET:
                continue
            if not self._answered:  # the loop has not run the last probe yet: frozen?
                alive = max(since, self._answered_at)
                if now - alive >= self.frozen_limit and self.injected < 5:
                    self.frozen_for = max(self.frozen_for, now - alive)
                    self.injected += 1
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(
                        ctypes.c_ulong(self._target), ctypes.py_object(LoopFrozen)
                    )
                    self._answered_at = now  # give the exception time to land
                continue
            if self._answered_at > since:  # the loop turned while the clock stood still
                burnt = time.process_time() - cpu
                if burnt >= self.busy_limit or now - armed >= self.still_limit:
                    if not self._post(self._expire, clock, now - since):
                        return
                    armed, cpu = now, time.process_time()  # again after another window
            if posted < since or now - posted >= PROBE_EVERY:  # a turning loop may freeze later
                self._answered, posted = False, now
                if not self._post(self._probe):
                    return


@contextlib.asynccontextmanager
async def watching(
    msg: Catalogue, call: str, *, frozen: str = "loop_frozen", idle: str = "never_idle",
    cleanup: Callable[[], Awaitable[object]] | None = None, watch: LoopWatch | None = None,
) -> AsyncIterator[None]:
    """Run the block in real time too: if the code under test freezes the loop (fails
    with ``msg``'s ``frozen`` lesson) or never lets it idle (``idle``), the block ends
    within seconds instead of waiting for pytest-timeout's backstop. ``cleanup`` (e.g.
    cancelling the tasks left behind) runs before the failure is raised; ``watch`` is a
    LoopWatch with limits of its own (default: LoopWatch())."""
    start = asyncio.get_running_loop().time()
    watch = watch or LoopWatch()
    try:
        async with watch:
            yield
    except LoopFrozen:
        if cleanup is not None:
            await cleanup()
        msg.fail(frozen, call=call, frozen=watch.frozen_for)
    except NeverIdle:
        if cleanup is not None:
            await cleanup()
        msg.fail(idle, call=call, still=watch.still_for, at=watch.stood_at - start)


async def cancel_and_wait(tasks: list[asyncio.Task[object]], limit: float) -> None:
    """Cancel ``tasks`` and wait up to ``limit`` s of loop time for them to end, in real
    time too: a task that will not stop (a frozen or spinning loop) is given up on."""
    for task in tasks:
        task.cancel()
    if tasks:
        with contextlib.suppress(LoopFrozen, NeverIdle):
            async with LoopWatch():
                await asyncio.wait(tasks, timeout=limit)
