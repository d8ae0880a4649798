"""Exercise 11: with_timeout, cancel_after, shielded and worker.

Evidence: virtual loop time (looptime: sleeping costs nothing and durations are
exact), the inner work's own record of what happened to it (cancelled? did its
``finally`` finish?), the state of the tasks involved, and a watchdog
(``loopwatch``) that ends, in real time, code that freezes the loop or never lets
it idle (either stops the virtual clock, so a virtual wait would never end).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Coroutine
from typing import Any

import pytest
from ex11_cancellation import cancellation as mod

from tests.support import loopwatch
from tests.support.aio import bounded, pending_tasks

from .messages import MSG

pytestmark = [pytest.mark.asyncio, pytest.mark.looptime]

timeout_task = pytest.mark.task(1, "with_timeout")
cancel_task = pytest.mark.task(2, "cancel_after")
shield_task = pytest.mark.task(3, "shielded")
worker_task = pytest.mark.task(4, "worker")

LIMIT = 60.0  # virtual seconds before a call counts as hung (free under looptime)
EPS = 0.01  # virtual time is exact; this only absorbs float rounding
# The real-time watch (scaled, ``tests/support/loopwatch.py``): right answers let the loop
# idle within milliseconds, so a wrong one is ended sooner than the watch's defaults
# would: after FROZEN real seconds without a turn of the loop, or BUSY_CPU CPU seconds
# burnt while the loop turns and its clock stands still.
FROZEN = 0.4
BUSY_CPU = 0.15


CREATED: list[Coroutine[Any, Any, Any]] = []  # closed by tidy() if never started


def now() -> float:
    return asyncio.get_running_loop().time()


class Slow:
    """Work that takes ``seconds``; when cancelled it needs ``cleanup`` more seconds
    (``finally: await asyncio.sleep(...)``) before it has really stopped."""

    def __init__(self, seconds: float = 10.0, cleanup: float = 1.0, value: Any = "late") -> None:
        self.seconds = seconds
        self.cleanup = cleanup
        self.value = value
        self.runs = 0
        self.cancelled = False
        self.cleaned = False
        self.task: asyncio.Task[Any] | None = None  # the task the work ran in

    def run(self) -> Coroutine[Any, Any, Any]:
        coro = self._run()
        CREATED.append(coro)
        return coro

    async def _run(self) -> Any:
        self.runs += 1
        self.task = asyncio.current_task()
        try:
            await asyncio.sleep(self.seconds)
            return self.value
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        finally:
            if self.cancelled:
                await asyncio.sleep(self.cleanup)
                self.cleaned = True


class Failing:
    """Work that raises ValueError after ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def run(self) -> Coroutine[Any, Any, Any]:
        coro = self._run()
        CREATED.append(coro)
        return coro

    async def _run(self) -> Any:
        await asyncio.sleep(self.seconds)
        raise ValueError("the work failed")


async def tidy() -> None:
    """Cancel and await whatever the call under test left running (after the checks)."""
    await loopwatch.cancel_and_wait(pending_tasks(), LIMIT)
    while CREATED:  # a coroutine the call never awaited: no "never awaited" warning
        coro = CREATED.pop()
        if inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
            coro.close()


def watching(call: str, idle: str = "never_idle",
             frozen: str = "loop_frozen") -> contextlib.AbstractAsyncContextManager[None]:
    """The block, watched in real time (``tests/support/loopwatch.py``): code that freezes
    the loop fails with ``frozen``, code that never lets it idle with ``idle``; the
    block's ``finally: await tidy()`` still runs when the watch ends it."""
    return loopwatch.watching(MSG, call, frozen=frozen, idle=idle,
                              watch=loopwatch.LoopWatch(frozen=FROZEN, busy_cpu=BUSY_CPU))


def check_stopped(work: Slow, call: str, seconds: float) -> None:
    """The inner work was cancelled and its (slow) clean-up had finished."""
    if not work.cancelled:  # cancel() asked (the task will see it later) or never called?
        asked = work.task is not None and not work.task.done() and work.task.cancelling() > 0
        MSG.check(not asked, "cleanup_unfinished", call=call, cleanup=work.cleanup)
        MSG.fail("left_running", call=call, seconds=seconds)
    MSG.check(work.cleaned, "cleanup_unfinished", call=call, cleanup=work.cleanup)


def check_task(task: object, call: str) -> None:
    """``shielded``'s second item is a task: the one that runs the work."""
    if isinstance(task, asyncio.Future) and not isinstance(task, asyncio.Task):
        MSG.fail("shield_returned", call=call, got=task)
    MSG.check(isinstance(task, asyncio.Task), "not_a_task", call=call, got=task)


# -- task 1 -----------------------------------------------------------------------------------
@timeout_task
@pytest.mark.parametrize("as_task", [False, True], ids=["coroutine", "task"])
async def test_result_in_time(as_task: bool) -> None:
    """with_timeout returns the result of work that finishes in time, as soon as it does"""
    work = Slow(seconds=0.5, value="done")
    aw = asyncio.ensure_future(work.run()) if as_task else work.run()
    call = "with_timeout(work of 0.5 s, 2.0)"
    start = now()
    async with watching(call):
        try:
            got = await bounded(mod.with_timeout(aw, 2.0), LIMIT, call)
        finally:
            await tidy()
    elapsed = now() - start
    MSG.check(got == "done", "wrong_result", call=call, got=got, want="done")
    MSG.check(abs(elapsed - 0.5) < EPS, "late_return", call=call, elapsed=elapsed, want=0.5)


@timeout_task
async def test_work_error_comes_out() -> None:
    """the work's own exception comes out of with_timeout: only the timeout becomes None"""
    call = "with_timeout(work failing with ValueError after 0.5 s, 2.0)"
    async with watching(call):
        try:
            got = await bounded(mod.with_timeout(Failing(0.5).run(), 2.0), LIMIT, call)
        except ValueError:
            return  # the work's error, as it should be
        finally:
            await tidy()
    MSG.fail("error_swallowed", call=call, got=got)


@timeout_task
async def test_timeout_cancels_and_waits_for_cleanup() -> None:
    """on timeout the work is cancelled, its slow clean-up finishes, then None comes back"""
    work = Slow(seconds=10.0, cleanup=1.0)
    call = "with_timeout(work of 10 s, 2.0)"
    start = now()
    async with watching(call):
        try:
            got = await bounded(mod.with_timeout(work.run(), 2.0), LIMIT, call)
            elapsed = now() - start
            MSG.check(elapsed < 10.0 - EPS, "no_timeout", call=call, elapsed=elapsed)
            MSG.check(got is None, "not_none", call=call, got=got)
            check_stopped(work, call, 2.0)
            want = 2.0 + work.cleanup
            MSG.check(abs(elapsed - want) < EPS, "late_return", call=call, elapsed=elapsed,
                      want=want)
        except TimeoutError:  # bounded() reports its own limit as "hang", not as TimeoutError
            MSG.fail("timeout_escaped", call=call)
        finally:
            await tidy()


@timeout_task
async def test_timeout_cancels_a_task() -> None:
    """given a task, with_timeout leaves it cancelled (done) when the time is up"""
    work = Slow(seconds=10.0, cleanup=0.5)
    task = asyncio.ensure_future(work.run())
    call = "with_timeout(task of 10 s, 1.0)"
    async with watching(call):
        try:
            try:
                got = await bounded(mod.with_timeout(task, 1.0), LIMIT, call)
            except TimeoutError:
                MSG.fail("timeout_escaped", call=call)
            MSG.check(got is None, "not_none", call=call, got=got)
            check_stopped(work, call, 1.0)
            MSG.check(task.done(), "cleanup_unfinished", call=call, cleanup=work.cleanup)
        finally:
            await tidy()


@timeout_task
async def test_caller_cancellation_propagates() -> None:
    """cancelling the caller of with_timeout cancels it: CancelledError, never None"""
    work = Slow(seconds=10.0, cleanup=0.5)
    call = "with_timeout(work of 10 s, 5.0)"
    outer = asyncio.create_task(mod.with_timeout(work.run(), 5.0))
    async with watching(call):
        try:
            await asyncio.sleep(1.0)
            MSG.check(not outer.done(), "early_return", call=call, got=_outcome(outer))
            outer.cancel()
            await asyncio.wait({outer}, timeout=LIMIT)
            MSG.check(outer.done(), "ignored_caller_cancel", call=call)
            MSG.check(outer.cancelled(), "swallowed_caller_cancel", call=call,
                      got=_outcome(outer))
        finally:
            await tidy()


def _outcome(task: asyncio.Task[Any]) -> str:
    if not task.done():
        return "still running"
    if task.cancelled():
        return "cancelled"
    error = task.exception()
    if isinstance(error, NotImplementedError):
        raise error  # the stub: report "not implemented yet"
    if error is not None:
        return f"raised {error!r}"
    return f"returned {task.result()!r}"


# -- task 2 -----------------------------------------------------------------------------------
@cancel_task
async def test_cancels_a_task_that_runs_too_long() -> None:
    """cancel_after cancels a task still running after the delay and waits until it stopped"""
    work = Slow(seconds=10.0, cleanup=1.0)
    task = asyncio.create_task(work.run())
    call = "cancel_after(task of 10 s, 2.0)"
    start = now()
    async with watching(call):
        try:
            got = await bounded(mod.cancel_after(task, 2.0), LIMIT, call)
            elapsed = now() - start
            if not task.done():
                key = "not_waited" if task.cancelling() else "task_left_running"
                MSG.fail(key, call=call, cleanup=work.cleanup, seconds=2.0)
            MSG.check(task.cancelled(), "task_not_cancelled", call=call, got=_outcome(task))
            MSG.check(work.cleaned, "not_waited", call=call, cleanup=work.cleanup, seconds=2.0)
            MSG.check(got is True, "wrong_result", call=call, got=got, want=True)
            want = 2.0 + work.cleanup
            MSG.check(abs(elapsed - want) < EPS, "late_return", call=call, elapsed=elapsed,
                      want=want)
        finally:
            await tidy()


@cancel_task
async def test_true_for_a_cancelled_task_that_ends_normally() -> None:
    """cancel_after returns True for a task it cancelled, also one that catches the cancel"""
    cleaned: list[float] = []

    async def stubborn() -> str:
        try:
            await asyncio.sleep(10.0)
            return "finished"
        except asyncio.CancelledError:
            await asyncio.sleep(1.0)  # tidies up, then ends normally instead of re-raising
            cleaned.append(now())
            return "stopped early"

    task = asyncio.create_task(stubborn())
    call = "cancel_after(task of 10 s that returns when cancelled, 2.0)"
    async with watching(call):
        try:
            got = await bounded(mod.cancel_after(task, 2.0), LIMIT, call)
            MSG.check(bool(cleaned), "not_waited", call=call, cleanup=1.0, seconds=2.0)
            if got is False and task.done() and not task.cancelled():
                MSG.fail("judged_by_outcome", call=call, got=_outcome(task))
            MSG.check(got is True, "wrong_result", call=call, got=got, want=True)
        finally:
            await tidy()


@cancel_task
async def test_task_that_finishes_in_time_is_left_alone() -> None:
    """cancel_after returns False as soon as a task finishes on its own, without cancelling it"""
    work = Slow(seconds=0.5, value="ok")
    task = asyncio.create_task(work.run())
    call = "cancel_after(task of 0.5 s, 2.0)"
    start = now()
    async with watching(call):
        try:
            got = await bounded(mod.cancel_after(task, 2.0), LIMIT, call)
            elapsed = now() - start
            MSG.check(task.done() and not task.cancelled() and task.result() == "ok",
                      "finished_task_cancelled", call=call, got=_outcome(task))
            MSG.check(got is False, "wrong_result", call=call, got=got, want=False)
            MSG.check(abs(elapsed - 0.5) < EPS, "late_return", call=call, elapsed=elapsed,
                      want=0.5)
        finally:
            await tidy()


@cancel_task
async def test_failed_task_error_is_not_raised() -> None:
    """cancel_after returns False for a task that failed on its own, without raising its error"""
    task = asyncio.create_task(Failing(0.5).run())
    call = "cancel_after(task failing with ValueError after 0.5 s, 2.0)"
    async with watching(call):
        try:
            try:
                got = await bounded(mod.cancel_after(task, 2.0), LIMIT, call)
            except ValueError:
                MSG.fail("raised_task_error", call=call)
            MSG.check(got is False, "wrong_result", call=call, got=got, want=False)
        finally:
            if task.done() and not task.cancelled():
                task.exception()  # retrieved: no "exception was never retrieved" warning
            await tidy()


# -- task 3 -----------------------------------------------------------------------------------
@shield_task
async def test_timeout_keeps_the_work_running() -> None:
    """shielded gives up waiting after the delay, and the returned task still finishes later"""
    work = Slow(seconds=5.0, value="value")
    call = "shielded(work of 5 s, 1.0)"
    start = now()
    async with watching(call):
        try:
            got = await bounded(mod.shielded(work.run(), 1.0), LIMIT, call)
            elapsed = now() - start
            MSG.check(isinstance(got, tuple) and len(got) == 2, "not_pair", call=call, got=got)
            result, task = got
            MSG.check(result is None, "not_none", call=call, got=result)
            MSG.check(elapsed < 5.0 - EPS, "no_timeout", call=call, elapsed=elapsed)
            check_task(task, call)
            MSG.check(not work.cancelled and not task.cancelled(), "shield_cancelled", call=call)
            MSG.check(not task.done(), "shield_task_done", call=call, got=_outcome(task))
            try:
                later = await asyncio.wait_for(task, LIMIT)
            except Exception as exc:
                MSG.fail("shield_task_failed", call=call, error=repr(exc), runs=work.runs)
            MSG.check(later == "value" and work.runs == 1, "shield_task_failed", call=call,
                      error=f"result {later!r}", runs=work.runs)
            total = now() - start
            MSG.check(abs(total - 5.0) < EPS, "shield_restarted", call=call, elapsed=total)
        finally:
            await tidy()


@shield_task
async def test_result_in_time_comes_with_its_task() -> None:
    """shielded returns (result, finished task) when the work finishes in time"""
    work = Slow(seconds=0.5, value="value")
    call = "shielded(work of 0.5 s, 2.0)"
    start = now()
    async with watching(call):
        try:
            got = await bounded(mod.shielded(work.run(), 2.0), LIMIT, call)
            elapsed = now() - start
            MSG.check(isinstance(got, tuple) and len(got) == 2, "not_pair", call=call, got=got)
            result, task = got
            MSG.check(result == "value", "wrong_result", call=call, got=result, want="value")
            check_task(task, call)
            MSG.check(task.done() and not task.cancelled() and task.result() == "value",
                      "shield_task_failed", call=call, error=_outcome(task), runs=work.runs)
            MSG.check(abs(elapsed - 0.5) < EPS, "late_return", call=call, elapsed=elapsed,
                      want=0.5)
        finally:
            await tidy()


@shield_task
async def test_a_given_task_is_not_cancelled() -> None:
    """shielded never cancels a task it was given, and hands back something that finishes it"""
    work = Slow(seconds=3.0, value="value")
    given = asyncio.create_task(work.run())
    call = "shielded(task of 3 s, 1.0)"
    async with watching(call):
        try:
            got = await bounded(mod.shielded(given, 1.0), LIMIT, call)
            MSG.check(isinstance(got, tuple) and len(got) == 2, "not_pair", call=call, got=got)
            result, task = got
            MSG.check(result is None, "not_none", call=call, got=result)
            MSG.check(not given.cancelled() and not work.cancelled, "shield_cancelled",
                      call=call)
            check_task(task, call)
            try:
                later = await asyncio.wait_for(task, LIMIT)
            except Exception as exc:
                MSG.fail("shield_task_failed", call=call, error=repr(exc), runs=work.runs)
            MSG.check(later == "value", "shield_task_failed", call=call,
                      error=f"result {later!r}", runs=work.runs)
        finally:
            await tidy()


# -- task 4 -----------------------------------------------------------------------------------
@worker_task
async def test_worker_cleans_up_and_ends_cancelled() -> None:
    """worker runs until cancelled, then logs "cleanup" and ends cancelled"""
    log: list[str] = []
    task = asyncio.create_task(mod.worker(log))
    async with watching("worker(log)", idle="worker_spins"):
        try:
            await asyncio.sleep(2.0)
            if task.done() and not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]
            MSG.check(not task.done(), "worker_stopped", got=_outcome(task))
            MSG.check(log == [], "logged_early", got=log)
            task.cancel()
            await asyncio.wait({task}, timeout=LIMIT)
            MSG.check(task.done(), "worker_ignores_cancel")
            MSG.check(log == ["cleanup"], "no_cleanup", got=log)
            MSG.check(task.cancelled(), "worker_swallowed", got=_outcome(task))
        finally:
            await tidy()
