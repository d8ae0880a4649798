"""Exercise 13: run_in_new_loop, future_after and callback_order.

Evidence: the coroutine under test records the loop it ran in, so the test can
check that loop afterwards (closed? still installed?); a leftover task, an async
generator and a slow job in the default executor record whether their clean-up
ran; virtual time (looptime) and spies on the running loop's timers and futures
show how future_after waits; a spy on call_soon_threadsafe shows which thread
called it, and can hold a call from another thread back until "later" has run.

The tests of tasks 1 and 3 are plain (sync) tests that make their own loops; a
fixture puts back whatever event loop was installed before each test.
"""

from __future__ import annotations

import asyncio
import threading
import time
import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import Any

import pytest
from ex13_event_loop_api import loop_api as mod

from tests.support import report
from tests.support.aio import LoopLag, bounded
from tests.support.timing import scaled

from .messages import MSG

run_task = pytest.mark.task(1, "run_in_new_loop")
future_task = pytest.mark.task(2, "future_after")
order_task = pytest.mark.task(3, "callback_order")

DEADLINE = 3.0  # real seconds (scaled) before a call counts as hung
# Loop seconds the leftover task's clean-up takes (an awaited sleep in its finally):
# longer than a fixed pause a cleanup may guess (run_until_complete(asyncio.sleep(0.1)));
# a cleanup that waits for the cancelled tasks waits exactly as long as they need.
CLEANUP = 0.2


def installed_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop set as current in this thread, without creating one."""
    policy = asyncio.get_event_loop_policy()
    local = getattr(policy, "_local", None)
    if local is not None and hasattr(local, "_loop"):
        return local._loop
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return policy.get_event_loop()
        except RuntimeError:
            return None


@pytest.fixture(autouse=True)
def restore_current_loop() -> Iterator[asyncio.AbstractEventLoop | None]:
    """Whatever the code under test installs, the next test finds the loop it had."""
    before = installed_loop()
    yield before
    if installed_loop() is not before or (before is not None and before.is_closed()):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            asyncio.set_event_loop(before if before is None or not before.is_closed() else None)


class Watchdog:
    """Calls ``stop`` from a helper thread if the ``with`` block lasts too long."""

    def __init__(self, stop: Callable[[], object], seconds: float = DEADLINE) -> None:
        self.stop = stop
        self.limit = scaled(seconds)
        self.fired = False
        self.timer = threading.Timer(self.limit, self._fire)
        self.timer.name = "course-watchdog"

    def _fire(self) -> None:
        self.fired = True
        try:
            self.stop()
        except RuntimeError:  # the loop was closed meanwhile
            pass

    def __enter__(self) -> Watchdog:
        self.timer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.timer.cancel()
        self.timer.join()


class Probe:
    """What the coroutine given to run_in_new_loop saw and left behind."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.events: list[str] = []
        self.keep: list[Any] = []  # strong references (tasks, generators)

    def stop_loop(self) -> None:
        loop = self.loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(loop.stop)


def run_new(probe: Probe, coro: Any, call: str, before: asyncio.AbstractEventLoop | None) -> Any:
    """Call run_in_new_loop under a watchdog; check the loop it used is a new one."""
    with Watchdog(probe.stop_loop) as dog:
        try:
            result = mod.run_in_new_loop(coro)
        except asyncio.CancelledError:
            # Nothing cancels the coroutine itself: this is a cancelled leftover's
            # CancelledError, re-raised by the clean-up that waited for it.
            if not dog.fired:
                MSG.fail("cancelled_escaped", call=call)
            raise
        finally:
            if dog.fired:
                MSG.fail("hang", call=call, seconds=dog.limit)
            if probe.loop is None:
                coro.close()  # never started: no "was never awaited" warning
    MSG.check(probe.loop is not None, "not_run", call=call)
    MSG.check(probe.loop is not before, "reused_loop", call=call)
    return result


def close_if_open(probe: Probe) -> None:
    """After the checks: do not let a loop the learner left open leak its sockets."""
    loop = probe.loop
    if loop is not None and not loop.is_closed() and not loop.is_running():
        loop.close()


# -- task 1 -----------------------------------------------------------------------------------
@run_task
def test_returns_the_result_and_closes_the_loop(
    restore_current_loop: asyncio.AbstractEventLoop | None,
) -> None:
    """run_in_new_loop returns the coroutine's result from a new loop, closed afterwards"""
    probe = Probe()

    async def main() -> int:
        probe.loop = asyncio.get_running_loop()
        await asyncio.sleep(0.01)
        return 42

    call = "run_in_new_loop(main())"
    try:
        got = run_new(probe, main(), call, restore_current_loop)
        MSG.check(got == 42, "wrong_result", call=call, got=got, want=42)
        assert probe.loop is not None
        MSG.check(probe.loop.is_closed(), "not_closed", call=call)
    finally:
        close_if_open(probe)


async def leftover(probe: Probe) -> None:
    """A task still waiting when the coroutine ends; its clean-up needs the loop running."""
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        probe.events.append("cancelled")
        raise
    finally:
        try:
            await asyncio.sleep(CLEANUP)  # its clean-up needs the loop to keep running
        except RuntimeError:  # closed by end_leftovers, with no loop running
            probe.events.append("closed later")
            return
        probe.events.append("finally")


def end_leftovers(probe: Probe) -> None:
    for task in probe.keep:
        if not task.done():  # left pending in a closed loop: end its coroutine now
            task.get_coro().close()


@run_task
def test_closes_the_loop_when_the_coroutine_raises(
    restore_current_loop: asyncio.AbstractEventLoop | None,
) -> None:
    """when the coroutine raises, its exception propagates, and the loop is cleaned up
    (a task it left is cancelled and finishes) and closed all the same"""
    probe = Probe()

    async def main() -> None:
        probe.loop = asyncio.get_running_loop()
        probe.keep.append(asyncio.create_task(leftover(probe)))
        await asyncio.sleep(0.01)
        raise ValueError("boom")

    call = "run_in_new_loop(a coroutine that leaves a task running and raises ValueError)"
    try:
        try:
            got = run_new(probe, main(), call, restore_current_loop)
        except ValueError:
            pass
        else:
            MSG.fail("error_not_raised", call=call, got=got)
        assert probe.loop is not None
        MSG.check(probe.loop.is_closed(), "not_closed_on_error", call=call)
        MSG.check(installed_loop() is not probe.loop, "left_installed", call=call)
        task = probe.keep[0]
        cleaned = probe.events == ["cancelled", "finally"] and task.cancelled()
        MSG.check(cleaned, "no_cleanup_on_error", call=call)
    finally:
        end_leftovers(probe)
        close_if_open(probe)


@run_task
def test_leftover_tasks_are_cancelled_and_finish(
    restore_current_loop: asyncio.AbstractEventLoop | None,
) -> None:
    """tasks still pending when the coroutine returns are cancelled and their finally runs"""
    probe = Probe()

    async def main() -> str:
        probe.loop = asyncio.get_running_loop()
        probe.keep.append(asyncio.create_task(leftover(probe)))
        await asyncio.sleep(0.01)
        return "done"

    call = "run_in_new_loop(main()) where main leaves a task running"
    try:
        got = run_new(probe, main(), call, restore_current_loop)
        MSG.check(got == "done", "wrong_result", call=call, got=got, want="done")
        task = probe.keep[0]
        asked = "cancelled" in probe.events or task.cancelling() > 0
        MSG.check(asked, "leftover_not_cancelled", call=call)
        MSG.check(probe.events == ["cancelled", "finally"] and task.cancelled(),
                  "leftover_not_awaited", call=call, got=probe.events, cleanup=CLEANUP)
    finally:
        end_leftovers(probe)
        close_if_open(probe)


@run_task
def test_async_generators_are_closed(
    restore_current_loop: asyncio.AbstractEventLoop | None,
) -> None:
    """an async generator left suspended is closed (its finally runs) before the loop closes"""
    probe = Probe()

    async def ticker() -> AsyncIterator[int]:
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            probe.events.append("generator closed")

    async def main() -> int:
        probe.loop = asyncio.get_running_loop()
        gen = ticker()
        probe.keep.append(gen)  # still referenced: only shutdown_asyncgens closes it
        return await gen.__anext__()

    call = "run_in_new_loop(main()) where main leaves an async generator open"
    try:
        got = run_new(probe, main(), call, restore_current_loop)
        MSG.check(got == 0, "wrong_result", call=call, got=got, want=0)
        MSG.check(probe.events == ["generator closed"], "asyncgen_not_closed", call=call)
    finally:
        for gen in probe.keep:  # close it by hand if the learner did not
            closing = gen.aclose()
            try:
                closing.send(None)
            except (StopIteration, RuntimeError):
                pass
            finally:
                closing.close()
        close_if_open(probe)


class HeldExecutor(ThreadPoolExecutor):
    """A default executor whose job runs until someone waits for it to shut down:
    ``shutdown(wait=True)`` (what ``loop.shutdown_default_executor()`` calls) lets the job
    finish; ``shutdown(wait=False)`` (what ``loop.close()`` calls) does not, so code that
    does not wait returns while the job is still running, however fast the machine."""

    def __init__(self) -> None:
        super().__init__(max_workers=1, thread_name_prefix="held-default-executor")
        self.release = threading.Event()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if wait:
            self.release.set()
        super().shutdown(wait=wait, cancel_futures=cancel_futures)


@run_task
def test_default_executor_is_shut_down(
    restore_current_loop: asyncio.AbstractEventLoop | None,
) -> None:
    """the default executor is shut down: its job finished and its threads are gone"""
    probe = Probe()
    executor = HeldExecutor()
    finished = threading.Event()
    workers: list[threading.Thread] = []

    def slow_job() -> None:
        workers.append(threading.current_thread())
        executor.release.wait(scaled(DEADLINE))  # until shut down with wait=True
        finished.set()

    async def main() -> str:
        probe.loop = asyncio.get_running_loop()
        probe.loop.set_default_executor(executor)
        probe.keep.append(probe.loop.run_in_executor(None, slow_job))  # not awaited
        await asyncio.sleep(0.01)
        return "done"

    call = "run_in_new_loop(main()) where main leaves a job running in the default executor"
    try:
        got = run_new(probe, main(), call, restore_current_loop)
        MSG.check(got == "done", "wrong_result", call=call, got=got, want="done")
        alive = [t.name for t in workers if t.is_alive()]
        MSG.check(finished.is_set() and not alive, "executor_not_shut_down", call=call,
                  threads=len(alive))
    finally:
        executor.release.set()  # after the checks: let the job end, and its thread
        executor.shutdown(wait=False)
        for t in workers:  # let the executor's threads end before the leak check
            t.join(scaled(2.0))
        close_if_open(probe)


@run_task
def test_new_loop_is_not_left_installed(
    restore_current_loop: asyncio.AbstractEventLoop | None,
) -> None:
    """afterwards the new loop is not the current event loop"""
    probe = Probe()

    async def main() -> str:
        probe.loop = asyncio.get_running_loop()
        return "done"

    call = "run_in_new_loop(main())"
    try:
        run_new(probe, main(), call, restore_current_loop)
        MSG.check(installed_loop() is not probe.loop, "left_installed", call=call)
    finally:
        close_if_open(probe)


# -- task 2 -----------------------------------------------------------------------------------
class TimerSpy:
    """Records the timers scheduled on the running loop (call_later goes through call_at)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.whens: list[float] = []
        self.original = loop.call_at

    def __enter__(self) -> TimerSpy:
        original = self.original

        def call_at(when: float, callback: Any, *args: Any, **kwargs: Any) -> Any:
            task = asyncio.current_task(self.loop)
            if task is None or not task.get_name().startswith("course-"):  # not the heartbeat
                self.whens.append(when)
            return original(when, callback, *args, **kwargs)

        self.loop.call_at = call_at  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        del self.loop.call_at  # back to the class's method


class FutureSpy:
    """Records the futures made with the running loop's create_future (not the heartbeat's)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.made: list[asyncio.Future[Any]] = []
        self.original = loop.create_future

    def __enter__(self) -> FutureSpy:
        original = self.original

        def create_future() -> asyncio.Future[Any]:
            future = original()
            task = asyncio.current_task(self.loop)
            if task is None or not task.get_name().startswith("course-"):
                self.made.append(future)
            return future

        self.loop.create_future = create_future  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        del self.loop.create_future  # back to the class's method

    def unresolved(self) -> list[str]:
        """How the futures made that never got a result or exception ended up."""
        return ["cancelled" if f.cancelled() else "still pending"
                for f in self.made if f.cancelled() or not f.done()]


@future_task
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_value_arrives_after_the_delay() -> None:
    """future_after returns the value exactly when its timer fires, without blocking the loop"""
    loop = asyncio.get_running_loop()
    # Loop time is virtual: the delay costs a right answer nothing; a wrong one that blocks
    # with time.sleep blocks for real, still well above the freeze allowed.
    call = "future_after(0.75, 'ready')"
    async with LoopLag() as lag:
        with TimerSpy(loop) as spy, FutureSpy(loop) as futures:
            start = loop.time()
            got = await bounded(mod.future_after(0.75, "ready"), 60.0, call)
            elapsed = loop.time() - start
        await asyncio.sleep(0.05)  # one more heartbeat: it measures a freeze when it ends
    allowance = scaled(0.5)
    report.note_timing("longest real-time loop freeze during future_after (s)", lag.worst,
                       allowance, lag.worst < allowance)
    MSG.check(lag.worst < allowance, "blocked_loop", call=call, lag=lag.worst)
    MSG.check(got == "ready", "not_value", call=call, got=got)
    MSG.check(abs(elapsed - 0.75) < 0.01, "wrong_delay", call=call, elapsed=elapsed)
    wanted = [w for w in spy.whens if abs(w - (start + 0.75)) < 0.01]
    MSG.check(wanted, "no_timer", call=call)
    unresolved = futures.unresolved()
    MSG.check(not unresolved, "future_not_resolved", call=call, count=len(unresolved),
              made=len(futures.made), states=", ".join(unresolved))


@future_task
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_several_wait_at_the_same_time() -> None:
    """three future_after calls run together: they take the longest delay, not the sum"""
    loop = asyncio.get_running_loop()
    call = ("asyncio.gather(future_after(0.05, 'a'), future_after(0.15, 'c'), "
            "future_after(0.1, 'b'))")
    start = loop.time()
    got = await bounded(asyncio.gather(mod.future_after(0.05, "a"), mod.future_after(0.15, "c"),
                                       mod.future_after(0.1, "b")), 60.0, call)
    elapsed = loop.time() - start
    MSG.check(got == ["a", "c", "b"], "not_value", call=call, got=got)
    MSG.check(abs(elapsed - 0.15) < 0.001, "wrong_delay", call=call, elapsed=elapsed)


# -- task 3 -----------------------------------------------------------------------------------
# A "late" run holds call_soon_threadsafe from another thread back until the loop has run
# its first timer ("later", due after 0.01 s), and then until the loop stops or LATE
# (scaled) seconds have passed: "threadsafe" then always arrives last, as on a machine
# that gives the helper thread the CPU late. Code that stops the loop at "later", or runs
# it for a fixed time, returns without "threadsafe" every time, not only when the
# machine is busy. Code that runs the loop only after joining the helper thread finds no
# timer run: the call is held back at most LATE_CAP (scaled) seconds.
LATE = 0.1
LATE_CAP = 0.5


class HoldBack:
    """Holds a call from another thread back until the loop ran a timer and moved on."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.timer_ran = threading.Event()
        self.original = loop.call_at

    def __enter__(self) -> HoldBack:
        original = self.original
        timer_ran = self.timer_ran

        def call_at(when: float, callback: Any, *args: Any, **kwargs: Any) -> Any:
            def timer(*args: Any) -> None:
                try:
                    callback(*args)
                finally:
                    timer_ran.set()

            return original(when, timer, *args, **kwargs)

        self.loop.call_at = call_at  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        del self.loop.call_at  # back to the class's method

    def wait(self) -> None:
        self.timer_ran.wait(scaled(LATE_CAP))
        deadline = time.monotonic() + scaled(LATE)
        while self.loop.is_running() and time.monotonic() < deadline:
            time.sleep(0.002)


class RunningClock:
    """The loop's clock, moving only while the loop runs.

    A timer set before the loop runs is then due after that much *running*, however long
    the code before the run took: a thread started and joined on a crowded machine can
    take longer than the call_later delay, and a loop run only briefly would then find
    "later" due and run it, by luck.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.real = loop.time
        self.paused_at: float | None = self.real()
        self.paused = 0.0  # seconds the loop spent not running, since the start

    def time(self) -> float:
        now = self.real() if self.paused_at is None else self.paused_at
        return now - self.paused

    def resume(self) -> None:
        if self.paused_at is not None:
            self.paused += self.real() - self.paused_at
            self.paused_at = None

    def pause(self) -> None:
        self.paused_at = self.real()


def run_callback_order(loop: asyncio.AbstractEventLoop, late: bool = False
                       ) -> tuple[Any, list[int], set[int]]:
    """callback_order(loop) under a watchdog, with a spy on call_soon_threadsafe (which
    holds a call from a thread other than the loop's back if ``late``) and one on
    run_forever (which run_until_complete calls too). Returns what it gave, the threads
    that called call_soon_threadsafe and the threads that ran the loop."""
    callers: list[int] = []
    runners: set[int] = set()
    original = loop.call_soon_threadsafe
    run_forever = loop.run_forever
    hold = HoldBack(loop)

    def spy(callback: Any, *args: Any, **kwargs: Any) -> Any:
        callers.append(threading.get_ident())
        if late and asyncio._get_running_loop() is not loop:
            hold.wait()
        return original(callback, *args, **kwargs)

    clock = RunningClock(loop)

    def running() -> None:
        runners.add(threading.get_ident())
        clock.resume()
        try:
            run_forever()
        finally:
            clock.pause()

    loop.call_soon_threadsafe = spy  # type: ignore[method-assign,assignment]
    loop.run_forever = running  # type: ignore[method-assign]
    loop.time = clock.time  # type: ignore[method-assign]
    call = "callback_order(loop)"
    try:
        with Watchdog(lambda: original(loop.stop)) as dog, hold:
            try:
                got = mod.callback_order(loop)
            finally:
                if dog.fired:
                    MSG.fail("hang", call=call, seconds=dog.limit)
    finally:
        del loop.call_soon_threadsafe
        del loop.run_forever
        del loop.time
    return got, callers, runners or {threading.get_ident()}


@order_task
@pytest.mark.parametrize("arrival", ["prompt", "prompt again", "late"])
def test_all_three_callbacks_run_in_a_possible_order(arrival: str) -> None:
    """the three callbacks each run once; "soon" runs before "later"; the order is returned"""
    loop = asyncio.new_event_loop()
    try:
        late = arrival == "late"
        got, callers, _ = run_callback_order(loop, late=late)
        names_ok = isinstance(got, list) and sorted(got) == ["later", "soon", "threadsafe"]
        if not names_ok and late and isinstance(got, list) and "threadsafe" not in got:
            MSG.fail("threadsafe_missed", got=got)
        MSG.check(names_ok, "wrong_names", got=got)
        MSG.check(got.index("soon") < got.index("later"), "soon_after_later", got=got)
        MSG.check(not loop.is_running(), "still_running")
        MSG.check(not loop.is_closed(), "closed_callers_loop", got=got)
    finally:
        if not loop.is_closed():
            loop.close()


@order_task
def test_threadsafe_is_scheduled_from_another_thread() -> None:
    """"threadsafe" is scheduled with call_soon_threadsafe from a thread other than the loop's"""
    loop = asyncio.new_event_loop()
    try:
        got, callers, runners = run_callback_order(loop)
        MSG.check(callers, "no_threadsafe", got=got)
        MSG.check(any(c not in runners for c in callers), "not_from_thread", got=got)
    finally:
        if not loop.is_closed():
            loop.close()
