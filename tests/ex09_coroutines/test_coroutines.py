"""Exercise 09: coroutines, asyncio.run, asyncio.sleep, awaiting one after another.

Evidence: virtual loop time (looptime: sleeping costs no real time and the
loop's clock shows exactly how long a coroutine waited), and a real-time
heartbeat that shows when a coroutine froze the loop instead of sleeping on it.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest
from ex09_coroutines import coroutines as mod

from tests.support.aio import LoopLag, bounded
from tests.support.report import note_timing
from tests.support.timing import call_with_deadline

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


async def timed(call: str, make: Any) -> tuple[Any, float, float]:
    """Await ``make()`` while a heartbeat watches the loop: (result, loop seconds, worst lag)."""
    loop = asyncio.get_running_loop()
    async with LoopLag(tick=0.05) as lag:
        start = loop.time()
        result = await bounded(make(), 60, call)
        elapsed = loop.time() - start
        await asyncio.sleep(0.1)  # one more heartbeat, so a freeze at the very end counts too
    return result, elapsed, lag.worst


def judge_duration(call: str, want: float, elapsed: float, lag: float) -> None:
    if abs(elapsed - want) < 1e-3:
        return
    if elapsed < want and lag >= min(FROZEN, want / 2):
        note_timing(f"{call}: longest real-time loop freeze", lag, min(FROZEN, want / 2), False)
        MSG.fail("blocking_sleep", call=call, want=want, elapsed=elapsed, lag=lag)
    if elapsed < 1e-3:
        MSG.fail("no_sleep", call=call, want=want, elapsed=elapsed)
    MSG.fail("wrong_duration", call=call, want=want, elapsed=elapsed)


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
    MSG.check(seen, "did_not_call_add_one", number=5, got=got, want=500)
    MSG.check(got == 500, "wrong_run_result", number=5, got=got, want=500)
    MSG.check(seen[0].is_closed(), "loop_not_closed")


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
    got, elapsed, lag = await timed(call, lambda: made)
    judge_duration(call, 1, elapsed, lag)
    MSG.check(got == "Hello World!", "wrong_message", got=got, want="Hello World!")


# -- task 3 -----------------------------------------------------------------------------------
@delay_task
@pytest.mark.asyncio
@pytest.mark.looptime
@pytest.mark.parametrize("seconds", [0.5, 0.25])
async def test_delay_prints_two_lines_and_returns_seconds(
    seconds: float, capsys: pytest.CaptureFixture[str]
) -> None:
    """delay(seconds) prints 'sleeping for ...' and 'finished sleeping for ...'"""
    call = f"delay({seconds})"
    capsys.readouterr()
    made = mod.delay(seconds)
    if not inspect.isawaitable(made):
        MSG.fail("not_coroutine", call=call, got=made)
    got = await bounded(made, 60, call)
    out = capsys.readouterr().out
    MSG.check(out == lines(seconds), "wrong_output", call=call, got=out, want=lines(seconds))
    MSG.check(got == seconds, "wrong_return", call=call, got=got, want=seconds)


@delay_task
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_delay_sleeps_on_the_loop_without_blocking_it() -> None:
    """delay(0.6) waits 0.6 s of loop time and never freezes the loop"""
    # Loop time is virtual, so a right answer costs nothing; a time.sleep one really
    # blocks, and the shorter the delay, the sooner such a wrong answer is told so.
    call = "delay(0.6)"
    got, elapsed, lag = await timed(call, lambda: mod.delay(0.6))
    judge_duration(call, 0.6, elapsed, lag)
    MSG.check(got == 0.6, "wrong_return", call=call, got=got, want=0.6)


# -- task 4 -----------------------------------------------------------------------------------
@seq
@pytest.mark.asyncio
@pytest.mark.looptime
async def test_sequential_sum_awaits_one_delay_after_another(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """sequential_sum([0.75, 0.25, 0.5]) takes 1.5 s: one delay after another"""
    delays = [0.75, 0.25, 0.5]
    total = sum(delays)
    call = f"sequential_sum({delays})"
    capsys.readouterr()
    got, elapsed, lag = await timed(call, lambda: mod.sequential_sum(delays))
    out = capsys.readouterr().out
    if elapsed < total - 1e-3 and lag >= min(FROZEN, max(delays) / 2):
        judge_duration(call, total, elapsed, lag)
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
    got, elapsed, lag = await timed(call, lambda: mod.sequential_sum([]))
    MSG.check(got == 0, "wrong_return", call=call, got=got, want=0)
    judge_duration(call, 0, elapsed, lag)
    out = capsys.readouterr().out
    MSG.check(out == "", "wrong_output", call=call, got=out, want="")
