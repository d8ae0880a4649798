"""Exercise 09: coroutines, asyncio.run, asyncio.sleep, awaiting one after another.

Evidence: virtual loop time (looptime: sleeping costs no real time and the
loop's clock shows exactly how long a coroutine waited), and a real-time
heartbeat that shows when a coroutine froze the loop instead of sleeping on it.
While a call runs, a watcher thread reads the state of the loop's thread and of
any thread the call started (/proc): the loop's thread asleep, without a single
context switch, while the heartbeat is overdue is a blocking call in the loop
(time.sleep), and a new thread asleep while the loop waits for the call is a
sleep in a thread. Neither happens to a right answer, however busy the machine
(a thread that waits for a CPU is running, not asleep), so the call is stopped
there instead of sleeping its whole time for real.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import sys
import time
from typing import Any, NamedTuple, TextIO

import pytest
from ex09_coroutines import coroutines as mod

from tests.support.aio import LoopLag, bounded
from tests.support.freeze import STILL as FREEZE_STILL
from tests.support.freeze import FreezeWatch, Frozen
from tests.support.report import note_timing
from tests.support.timing import call_with_deadline, scaled

from .messages import MSG

run_it = pytest.mark.task(1, "add_one and run_add_one")
hello = pytest.mark.task(2, "hello_world_message")
delay_task = pytest.mark.task(3, "delay")
seq = pytest.mark.task(4, "sequential_sum")

virtual = [pytest.mark.asyncio, pytest.mark.looptime]
FROZEN = 0.5  # a real-time freeze this long (or half the asked sleep) means time.sleep


def lines(*values: float) -> str:
    return "".join(
        f"sleeping for {v} second(s)\nfinished sleeping for {v} second(s)\n" for v in values
    )


class Timed(NamedTuple):
    result: Any
    start: float  # loop time when the call began
    elapsed: float  # loop (virtual) seconds it took
    lag: float  # longest real-time freeze of the loop
    real: float  # real seconds it took
    stopped: str = ""  # "blocked" or "thread": the watch saw that and stopped the call
    still: float = 0.0  # how long the thread it saw had been asleep


async def timed(call: str, make: Any) -> Timed:
    """Await ``make()`` while a heartbeat watches the loop and a freeze watch its threads
    (tests/support/freeze.py): the loop's thread asleep in a blocking call (``time.sleep``
    is cut short) and the threads started since, one of which sleeping while the loop
    beats means the call waits for it (the call's task is then cancelled)."""
    loop = asyncio.get_running_loop()
    async with LoopLag(tick=0.05) as lag:
        start, real = loop.time(), time.perf_counter()
        task = asyncio.ensure_future(make())
        watch = FreezeWatch(lag, scaled(FREEZE_STILL), mod.__file__,
                            on_thread=lambda: loop.call_soon_threadsafe(task.cancel))
        result = None
        try:
            with watch.running():
                result = await bounded(task, 60, call)
        except (Frozen, asyncio.CancelledError):
            if not watch.fired or (asyncio.current_task() or task).cancelling():
                raise
        elapsed, real = loop.time() - start, time.perf_counter() - real
        if watch.fired:
            lag.worst = max(lag.worst, time.perf_counter() - lag.last_beat)
        else:
            await asyncio.sleep(0.1)  # one more heartbeat: a freeze at the very end counts too
    return Timed(result, start, elapsed, lag.worst, real, watch.fired, watch.still)


def judge_sleep(call: str, want: float, run: Timed, longest: float | None = None) -> None:
    """Fail if ``call`` (asked to sleep ``want`` s in all, ``longest`` s at most at once)
    slept off the loop's clock: blocking the loop, or in a thread."""
    if run.stopped == "thread":  # seen asleep in /proc: no clock involved
        MSG.fail("slept_in_thread", settled=True, call=call, want=want, real=run.real,
                 lag=run.lag, how=MSG.text("stopped_thread", still=run.still))
    if run.stopped == "blocked":
        MSG.fail("blocking_sleep", call=call, want=want, elapsed=run.elapsed, lag=run.lag,
                 how=MSG.text("stopped_blocked", still=run.still))
    frozen = min(FROZEN, (want if longest is None else longest) / 2)
    # A sleep on the loop's clock costs no real time here. One that took the whole asked time
    # in real time while the loop kept running happened elsewhere: time.sleep in a thread.
    # (time.sleep on the loop freezes it; a right answer slowed down by a busy machine is
    # slowed down in a few long gaps, which the heartbeat sees too.)
    if want > 0 and run.real >= 0.9 * want and run.lag < min(frozen, run.real / 2):
        note_timing(f"{call}: real time taken by a sleep on the loop clock", run.real,
                    0.9 * want, False)
        MSG.fail("slept_in_thread", call=call, want=want, real=run.real, lag=run.lag, how="")
    if run.elapsed < want - 1e-3 and run.lag >= frozen:
        note_timing(f"{call}: longest real-time loop freeze", run.lag, frozen, False)
        MSG.fail("blocking_sleep", call=call, want=want, elapsed=run.elapsed, lag=run.lag,
                 how="")


def judge_duration(call: str, want: float, run: Timed) -> None:
    """``call`` should have slept ``want`` s on the loop's (virtual) clock."""
    judge_sleep(call, want, run)
    if abs(run.elapsed - want) < 1e-3:
        return
    if run.elapsed < 1e-3:
        MSG.fail("no_sleep", call=call, want=want, elapsed=run.elapsed)
    MSG.fail("wrong_duration", call=call, want=want, elapsed=run.elapsed)


class StampedStdout:
    """Stands in for ``sys.stdout``: passes the text on and keeps every complete line with
    the loop time at which its end was written."""

    def __init__(self, loop: asyncio.AbstractEventLoop, inner: TextIO) -> None:
        self.loop = loop
        self.inner = inner
        self.text = ""
        self.lines: list[tuple[str, float]] = []
        self._partial = ""

    def write(self, text: str) -> int:
        now = self.loop.time()
        self.inner.write(text)
        self.text += text
        *done, self._partial = (self._partial + text).split("\n")
        self.lines += [(line, now) for line in done]
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


# -- task 1 -----------------------------------------------------------------------------------
@run_it
@pytest.mark.asyncio
async def test_add_one_is_a_coroutine() -> None:
    """add_one(41) creates a coroutine that gives 42 when awaited"""
    made = mod.add_one(41)
    if not inspect.isawaitable(made):
        MSG.fail("not_coroutine", call="add_one(41)", got=made)
    got = await made
    MSG.check(got == 42, "wrong_add_one", number=41, got=got, want=42)


@run_it
def test_run_add_one_runs_add_one_in_a_fresh_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_add_one runs add_one in a new event loop and closes it"""
    seen: list[asyncio.AbstractEventLoop] = []

    async def stand_in(number: int) -> int:
        seen.append(asyncio.get_running_loop())
        return number * 100

    monkeypatch.setattr(mod, "add_one", stand_in)
    got = call_with_deadline(mod.run_add_one, 5, seconds=5, call="run_add_one(5)")
    if inspect.iscoroutine(got):
        got.close()
        MSG.fail("returned_coroutine", number=5)
    try:
        MSG.check(seen, "did_not_call_add_one", number=5, got=got, want=500)
        MSG.check(got == 500, "wrong_run_result", number=5, got=got, want=500)
        MSG.check(seen[0].is_closed(), "loop_not_closed")
    finally:
        for loop in seen:  # after the checks: a loop left open would leak its self-pipe
            if not loop.is_closed() and not loop.is_running():
                loop.close()


@run_it
def test_run_add_one_gives_the_number_plus_one() -> None:
    """run_add_one(1) returns 2"""
    got = call_with_deadline(mod.run_add_one, 1, seconds=5, call="run_add_one(1)")
    if inspect.iscoroutine(got):
        got.close()
        MSG.fail("returned_coroutine", number=1)
    MSG.check(got == 2, "wrong_return", call="run_add_one(1)", got=got, want=2)


# -- task 2 -----------------------------------------------------------------------------------
@hello
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_hello_world_message_sleeps_one_second_on_the_loop() -> None:
    """hello_world_message() waits 1 s of loop time, then returns 'Hello World!'"""
    call = "hello_world_message()"
    made = mod.hello_world_message()
    if not inspect.isawaitable(made):
        MSG.fail("not_coroutine", call=call, got=made)
    run = await timed(call, lambda: made)
    judge_duration(call, 1, run)
    got = run.result
    MSG.check(got == "Hello World!", "wrong_message", got=got, want="Hello World!")


# -- task 3 -----------------------------------------------------------------------------------
@delay_task
@pytest.mark.asyncio
@pytest.mark.looptime
@pytest.mark.parametrize("seconds", [0.25, 1, 0.1 + 0.2])
async def test_delay_prints_two_lines_and_returns_seconds(
    seconds: float, capsys: pytest.CaptureFixture[str]
) -> None:
    """delay(seconds) prints 'sleeping for ...', sleeps, then prints 'finished sleeping for ...'"""
    # 1 is an int: it must print as 1, and 0.1 + 0.2 as 0.30000000000000004 ({seconds}, not
    # a rounded format). (Cheap: loop time is virtual; only a wrong answer that blocks
    # sleeps for real, so the delays are short.)
    call = f"delay({seconds})"
    capsys.readouterr()
    made = mod.delay(seconds)
    if not inspect.isawaitable(made):
        MSG.fail("not_coroutine", call=call, got=made)
    out = StampedStdout(asyncio.get_running_loop(), sys.stdout)
    with contextlib.redirect_stdout(out):
        run = await timed(call, lambda: made)
    if run.stopped:  # cut short: the output is not complete, the sleep says what went wrong
        judge_duration(call, seconds, run)
    want = lines(seconds)
    MSG.check(out.text == want, "wrong_output", call=call, got=out.text, want=want)
    judge_duration(call, seconds, run)
    (first, first_at), (last, last_at) = ((line, at - run.start) for line, at in out.lines)
    MSG.check(abs(first_at) < 1e-3, "sleeping_line_late", call=call, line=first, at=first_at,
              want=seconds)
    MSG.check(last_at > seconds - 1e-3, "finished_line_early", call=call, line=last, at=last_at,
              want=seconds)
    got = run.result
    if isinstance(got, float) and got != seconds and abs(got - seconds) < 0.05:
        MSG.fail("returned_measured", call=call, got=got, want=seconds)
    MSG.check(got == seconds, "wrong_return", call=call, got=got, want=seconds)


@delay_task
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_delay_sleeps_on_the_loop_without_blocking_it() -> None:
    """delay(0.2) waits 0.2 s of loop time and never freezes the loop"""
    # Loop time is virtual, so a right answer costs nothing; a time.sleep one really
    # blocks, and the shorter the delay, the sooner such a wrong answer is told so.
    call = "delay(0.2)"
    run = await timed(call, lambda: mod.delay(0.2))
    judge_duration(call, 0.2, run)
    got = run.result
    MSG.check(got == 0.2, "wrong_return", call=call, got=got, want=0.2)


# -- task 4 -----------------------------------------------------------------------------------
@seq
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_sequential_sum_awaits_one_delay_after_another(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """sequential_sum([0.375, 0.125, 0.25]) takes 0.75 s: one delay after another"""
    # Exact binary fractions: their sum is the same in any order of adding. (Short: a
    # wrong answer that blocks, or sleeps in a thread, sleeps them for real.)
    delays = [0.375, 0.125, 0.25]
    total = sum(delays)
    call = f"sequential_sum({delays})"
    capsys.readouterr()
    run = await timed(call, lambda: mod.sequential_sum(delays))
    got, elapsed = run.result, run.elapsed
    out = capsys.readouterr().out
    judge_sleep(call, total, run, longest=max(delays))  # blocking, or in a thread
    kinds = [line.split()[0] for line in out.splitlines() if line.strip()]
    alternating = kinds == ["sleeping", "finished"] * (len(kinds) // 2)
    if abs(elapsed - total) >= 1e-3 or not alternating:
        MSG.fail("not_sequential", delays=delays, elapsed=elapsed, want=total, got=out)
    MSG.check(out == lines(*delays), "wrong_output", call=call, got=out, want=lines(*delays))
    MSG.check(got == total, "wrong_return", call=call, got=got, want=total)


@seq
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_sequential_sum_of_nothing_is_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """sequential_sum([]) returns 0 at once"""
    call = "sequential_sum([])"
    capsys.readouterr()
    run = await timed(call, lambda: mod.sequential_sum([]))
    got = run.result
    MSG.check(got == 0, "wrong_return", call=call, got=got, want=0)
    judge_duration(call, 0, run)
    out = capsys.readouterr().out
    MSG.check(out == "", "wrong_output", call=call, got=out, want="")
