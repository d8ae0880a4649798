"""Exercise 10: tasks — delays that overlap, a small gather, work while waiting.

Evidence: virtual loop time (looptime: a sum of delays and their maximum are
told apart exactly and instantly), an asyncio.Barrier that opens only when
every awaitable is running at once, the cancelled siblings' cleanup log (a
cleanup that takes loop time), the loop's pending tasks, what happened to the
delay task, and a watchdog (``loopwatch``) that ends, in real time, code that
freezes the loop or never lets it idle (either stops the virtual clock).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Awaitable, Coroutine
from typing import Any, TypeVar

import pytest
from ex10_tasks import tasks as mod

from tests.support import loopwatch
from tests.support.aio import bounded, pending_tasks

from .messages import MSG

T = TypeVar("T")

delays = pytest.mark.task(1, "delay_all")
gather = pytest.mark.task(2, "run_concurrently")
ticking = pytest.mark.task(3, "count_while_waiting")

EPS = 1e-3  # loop-time precision (looptime counts in microseconds)
LIMIT = 60.0  # seconds before a call counts as hung (loop time: free under looptime)
CLEANUP = 0.5  # loop seconds a cancelled task's `finally` takes
# The real-time watch (scaled, ``tests/support/loopwatch.py``): right answers let the loop
# idle within milliseconds, so a wrong one is ended sooner than the watch's defaults
# would: after FROZEN real seconds without a turn of the loop, or BUSY_CPU CPU seconds
# burnt while the loop turns and its clock stands still.
FROZEN = 0.4
BUSY_CPU = 0.15


def now() -> float:
    return asyncio.get_running_loop().time()


def close_unstarted(coros: list[Coroutine[Any, Any, Any]]) -> None:
    """Close coroutines the code under test never started (no 'never awaited' warnings)."""
    for coro in coros:
        if inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
            coro.close()


async def stop_leftovers() -> list[asyncio.Task[object]]:
    """Cancel and await the tasks the code under test left behind; return them."""
    left = pending_tasks()
    await loopwatch.cancel_and_wait(left, LIMIT)
    return left


def watching(call: str, frozen: str = "loop_frozen",
             idle: str = "never_idle") -> contextlib.AbstractAsyncContextManager[None]:
    """The block, watched in real time (``tests/support/loopwatch.py``): code that freezes
    the loop fails with ``frozen``, code that never lets it idle with ``idle``, once the
    tasks it left behind were cancelled."""
    return loopwatch.watching(MSG, call, frozen=frozen, idle=idle, cleanup=stop_leftovers,
                              watch=loopwatch.LoopWatch(frozen=FROZEN, busy_cpu=BUSY_CPU))


async def watched(aw: Awaitable[T], call: str, **keys: str) -> T:
    """``aw``'s result, within LIMIT seconds of loop time, watched in real time."""
    async with watching(call, **keys):
        got = await bounded(aw, LIMIT, call)
    return got


async def check_no_leftovers(call: str) -> None:
    left = await stop_leftovers()
    MSG.check(not left, "left_tasks", call=call, count=len(left))


# -- task 1 -----------------------------------------------------------------------------------
@delays
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_delay_all_takes_the_longest_not_the_sum() -> None:
    """delay_all([3, 1, 2, ...12 values]) takes 3 s of loop time and returns them in order"""
    # Twelve values that end in another order than given: results collected as the
    # tasks end, or from a set of tasks, come back in another order.
    seconds = [3, 1, 2, 0.5, 2.5, 1.5, 0.25, 2.75, 1.25, 0.75, 2.25, 1.75]
    call = f"delay_all({seconds})"
    start = now()
    got = await watched(mod.delay_all(seconds), call)
    elapsed = now() - start
    if elapsed > max(seconds) + EPS:
        key = "sequential" if elapsed >= sum(seconds) - EPS else "wrong_duration"
        MSG.fail(key, call=call, elapsed=elapsed, want=float(max(seconds)),
                 total=float(sum(seconds)))
    MSG.check(elapsed > max(seconds) - EPS, "wrong_duration", call=call, elapsed=elapsed,
              want=float(max(seconds)))
    MSG.check(got == seconds, "wrong_order", call=call, got=got, want=seconds)
    await check_no_leftovers(call)


@delays
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_delay_all_with_many_equal_delays() -> None:
    """delay_all of ten 1-second delays takes 1 s of loop time"""
    seconds = [1.0] * 10
    call = "delay_all([1.0] * 10)"
    start = now()
    got = await watched(mod.delay_all(seconds), call)
    elapsed = now() - start
    if abs(elapsed - 1) > EPS:
        key = "sequential" if elapsed > 1 + EPS else "wrong_duration"
        MSG.fail(key, call=call, elapsed=elapsed, want=1.0, total=10.0)
    MSG.check(got == seconds, "wrong_results", call=call, got=got, want=seconds)
    await check_no_leftovers(call)


@delays
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_delay_all_of_nothing() -> None:
    """delay_all([]) returns [] at once"""
    got = await watched(mod.delay_all([]), "delay_all([])")
    MSG.check(got == [], "wrong_results", call="delay_all([])", got=got, want=[])


# -- task 2 -----------------------------------------------------------------------------------
@gather
@pytest.mark.asyncio
@pytest.mark.looptime
@pytest.mark.parametrize("n", [2, 5])
async def test_run_concurrently_starts_everything_before_awaiting(n: int) -> None:
    """every awaitable is running at once (they meet at an asyncio.Barrier)"""
    barrier = asyncio.Barrier(n)
    state = {"waiting": 0, "peak": 0}

    async def meet(i: int) -> int:
        state["waiting"] += 1
        state["peak"] = max(state["peak"], state["waiting"])
        try:
            async with asyncio.timeout(1):
                await barrier.wait()
        finally:
            state["waiting"] -= 1
        return i * 10

    coros = [meet(i) for i in range(n)]
    try:
        got = await watched(mod.run_concurrently(coros), "run_concurrently")
    except TimeoutError:
        got = None
    finally:
        close_unstarted(coros)
        await stop_leftovers()
    MSG.check(state["peak"] >= n, "not_concurrent", n=n, peak=state["peak"])
    want = [i * 10 for i in range(n)]
    MSG.check(got == want, "wrong_results", call="run_concurrently", got=got, want=want)


@gather
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_run_concurrently_keeps_input_order() -> None:
    """results follow the input order (given as a generator), total = the longest"""
    seconds = [3, 1, 2]

    started: dict[float, float] = {}

    async def wait_and_say(s: float) -> str:
        started[s] = now() - start
        await asyncio.sleep(s)
        return f"after {s}"

    call = "run_concurrently(wait_and_say(s) for s in [3, 1, 2])"
    start = now()
    got = await watched(mod.run_concurrently(wait_and_say(s) for s in seconds), call)
    elapsed = now() - start
    late = {s: at for s, at in started.items() if at > EPS}
    MSG.check(not late, "started_late", started=started)
    if elapsed > max(seconds) + EPS:
        MSG.fail("sequential", call=call, elapsed=elapsed, want=3.0, total=6.0)
    want = [f"after {s}" for s in seconds]
    MSG.check(got == want, "wrong_order", call=call, got=got, want=want)
    await check_no_leftovers(call)


@gather
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_first_failure_cancels_and_awaits_the_rest() -> None:
    """the first exception is re-raised after the others were cancelled and cleaned up"""
    log: list[str] = []

    async def slow(name: str) -> str:
        try:
            await asyncio.sleep(10)
            return name
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")
            raise
        finally:
            await asyncio.sleep(CLEANUP)  # a cleanup that takes time (closing a connection...)
            log.append(f"{name} finally")

    async def boom() -> str:
        await asyncio.sleep(1)
        raise ValueError("boom")

    coros = [slow("a"), boom(), slow("b")]
    want = "ValueError('boom')"
    start = now()
    try:
        got = await watched(mod.run_concurrently(coros), "run_concurrently")
    except ValueError:
        elapsed = now() - start
        left = pending_tasks()
        cancelled = [t for t in left if t.cancelling()]
        seen = list(log)
    except BaseExceptionGroup as group:
        MSG.fail("exception_group", got=repr(group), want=want)
    except Exception as exc:
        MSG.fail("wrong_error", got=repr(exc), want=want)
    else:
        MSG.fail("no_error", got=got, want=want)
    finally:
        close_unstarted(coros)
        await stop_leftovers()
    MSG.check(elapsed < 1 + CLEANUP + EPS, "waited_for_all", failed_at=1.0, elapsed=elapsed)
    MSG.check(not cancelled, "siblings_not_awaited", count=len(cancelled), cleanup=CLEANUP)
    MSG.check(not left, "siblings_left", count=len(left))
    missing = [n for n in "ab" if f"{n} finally" not in seen]
    MSG.check(not missing, "siblings_not_awaited", count=len(missing), cleanup=CLEANUP)


@gather
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_cancelling_the_caller_stops_every_task() -> None:
    """cancelling the caller of run_concurrently cancels and awaits every task it started"""
    cleaned: list[str] = []

    async def slow(name: str) -> str:
        try:
            await asyncio.sleep(10)
            return name
        finally:
            await asyncio.sleep(CLEANUP)
            cleaned.append(name)

    call = "run_concurrently([two awaitables of 10 s])"
    coros = [slow("a"), slow("b")]
    outer = asyncio.create_task(mod.run_concurrently(coros))
    try:
        async with watching(call):
            await asyncio.sleep(1)
            if outer.done() and not outer.cancelled():
                MSG.fail("returned_early", call=call, got=outer.result())  # or its error
            outer.cancel()
            await asyncio.wait({outer}, timeout=LIMIT)
            left = pending_tasks()  # at the very loop time the call ended
            finished = list(cleaned)
    finally:
        close_unstarted(coros)
        await stop_leftovers()
    MSG.check(outer.done(), "caller_cancel_ignored", call=call)
    MSG.check(not left and len(finished) == 2, "caller_cancel_left", call=call,
              count=len(left), done=len(finished), cleanup=CLEANUP)


@gather
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_run_concurrently_of_nothing() -> None:
    """run_concurrently([]) returns []"""
    nothing: list[Awaitable[int]] = []
    got = await watched(mod.run_concurrently(nothing), "run_concurrently([])")
    MSG.check(got == [], "wrong_results", call="run_concurrently([])", got=got, want=[])


# -- task 3 -----------------------------------------------------------------------------------
@ticking
@pytest.mark.asyncio
@pytest.mark.looptime
@pytest.mark.parametrize(("seconds", "tick"), [(1.0, 0.1), (2.0, 0.5)])
async def test_count_while_waiting_ticks_during_the_delay(
    seconds: float, tick: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """count_while_waiting ticks about seconds/tick times while the delay runs"""
    call = f"count_while_waiting({seconds}, {tick})"
    want = round(seconds / tick)
    cancelled: list[float] = []  # loop times at which the delay task was cancelled
    given = mod.delay

    async def delay(seconds: float) -> float:
        try:
            return await given(seconds)
        except asyncio.CancelledError:
            cancelled.append(now() - start)
            raise

    monkeypatch.setattr(mod, "delay", delay)
    start = now()
    got = await watched(mod.count_while_waiting(seconds, tick), call,
                        frozen="loop_blocked", idle="tick_never_idle")
    elapsed = now() - start
    MSG.check(not cancelled, "delay_cancelled", call=call, at=cancelled[0] if cancelled else 0.0,
              seconds=seconds, got=got)
    MSG.check(got != 0, "no_ticks", call=call, got=got, want=want)
    MSG.check(elapsed <= seconds + tick + EPS, "not_overlapped", call=call, elapsed=elapsed,
              want=seconds)
    MSG.check(abs(got - want) <= 1, "wrong_ticks", call=call, got=got, want=want, tick=tick,
              elapsed=elapsed)
    MSG.check(elapsed >= seconds - EPS, "wrong_duration", call=call, elapsed=elapsed,
              want=seconds)
    await check_no_leftovers(call)
