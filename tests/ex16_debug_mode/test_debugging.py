"""Exercise 16: find_slow_callbacks and find_never_awaited.

Evidence: tasks that block the loop with ``time.sleep`` next to tasks that only
``await asyncio.sleep`` (the loop's own debug-mode reports, captured by the test
as well, give the exact descriptions); blocks of different lengths, so that the
order of the reports is the order of the blocks, and blocks longer than the
threshold but shorter than the loop's 0.1 s default; the sockets and "unclosed
event loop" warnings a loop that was never closed leaves; coroutines left
un-awaited in plain code, in methods, in closures, in reference cycles (with
automatic garbage collection paused, so only the learner's ``gc.collect()`` finds
them) and returned by ``func``; the logging, warnings and debug state before and
after each call.

These tests are synchronous: find_slow_callbacks runs its own event loop.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from ex16_debug_mode import debugging as mod

from tests.support import leaks
from tests.support.timing import call_with_deadline

from .messages import MSG

slow = pytest.mark.task(1, "find_slow_callbacks")
never = pytest.mark.task(2, "find_never_awaited")

DEADLINE = 10.0  # seconds (scaled) before a call counts as hung
# A callback that only awaits takes well under a millisecond, and stays under 15 ms even
# when four busy loops share two CPUs with the test; THRESHOLD leaves that margin more
# than three times over, so a right answer is not blamed for a callback the OS paused.
# A blocking task sleeps longer: time.sleep never returns early, so its callback always
# takes at least BLOCK and is reported with seconds >= THRESHOLD. (Every block is real
# time that every run of the tests waits: BLOCK is no longer than that needs.)
BLOCK = 0.07  # seconds a "blocking" task sleeps with time.sleep
THRESHOLD = 0.05  # slow_callback_duration asked for
# The second of two blockers blocks longer, so that reports sorted by duration are out of
# the order of the blocks; the first callback would have to be paused by the OS for
# LONG_BLOCK - BLOCK (0.12 s) to look as long.
LONG_BLOCK = 0.19
# Blocks between a low threshold and the loop's default slow_callback_duration (0.1 s):
# each is reported with the threshold set, and by a loop left at its default only if the
# OS paused that callback for 70 ms more; all BRIEF_TIMES of them, never.
BRIEF_THRESHOLD = 0.02
BRIEF_BLOCK = 0.03
BRIEF_TIMES = 3
SLOW_TEXT = "Executing %s took %.3f seconds"  # asyncio's own format (base_events)


# -- state that must be the same before and after ----------------------------------------------
def state() -> dict[str, Any]:
    logger = logging.getLogger("asyncio")
    loop = asyncio.new_event_loop()
    try:
        new_loop_debug = loop.get_debug()
    finally:
        loop.close()
    return {
        "the 'asyncio' logger's level": logger.level,
        "the 'asyncio' logger's handlers": list(logger.handlers),
        "the 'asyncio' logger's propagate flag": logger.propagate,
        "the root logger's level": logging.getLogger().level,
        "the root logger's handlers": list(logging.getLogger().handlers),
        "warnings.filters": list(warnings.filters),
        "warnings.showwarning": warnings.showwarning,
        "os.environ['PYTHONASYNCIODEBUG']": os.environ.get("PYTHONASYNCIODEBUG"),
        "sys.get_coroutine_origin_tracking_depth()": sys.get_coroutine_origin_tracking_depth(),
        "the debug mode of a new event loop": new_loop_debug,
    }


def check_state(before: dict[str, Any], call: str, how: str = "") -> None:
    after = state()
    for what, value in before.items():
        MSG.check(after[what] == value, "state_not_restored", call=call, how=how, what=what,
                  before=value, after=after[what])


class Capture(logging.Handler):
    """The test's own copy of the loop's slow-callback records."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.descriptions: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == SLOW_TEXT and isinstance(record.args, tuple):
            self.descriptions.append(str(record.args[0]))


@contextmanager
def captured_reports() -> Iterator[Capture]:
    logger = logging.getLogger("asyncio")
    capture = Capture()
    logger.addHandler(capture)
    try:
        yield capture
    finally:
        logger.removeHandler(capture)


def slow_callbacks(main: Callable[[], Any], threshold: float) -> list[Any]:
    """Call find_slow_callbacks; the event loop it made must be closed when it returns."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        before = leaks.open_sockets()
        try:
            got = call_with_deadline(mod.find_slow_callbacks, main, threshold,
                                     seconds=DEADLINE, call="find_slow_callbacks")
        finally:
            left = leaks.open_sockets() - before  # an open loop keeps its self-pipe
            if left:
                gc.collect()  # an unclosed loop warns (and closes) when it is collected
    unclosed = [w for w in caught if issubclass(w.category, ResourceWarning)
                and str(w.message).startswith("unclosed event loop")]
    MSG.check(not left and not unclosed, "loop_not_closed", sockets=len(left),
              loops=len(unclosed))
    MSG.check(isinstance(got, list), "not_a_list", call="find_slow_callbacks", got=got,
              what="of SlowCallback")
    return got


def blocker_names(reports: list[Any], names: list[str]) -> list[str]:
    """Which of ``names`` each report's description names ("?" for none)."""
    return [next((n for n in names if n in str(getattr(r, "description", ""))), "?")
            for r in reports]


def blocker(seconds: float = BLOCK) -> Callable[[], Any]:
    async def block() -> None:
        time.sleep(seconds)  # noqa: ASYNC251  (the mistake debug mode is there to catch)

    return block


async def polite(seconds: float = BLOCK) -> None:
    await asyncio.sleep(seconds)


def check_count(got: list[Any], want: int, names: str) -> None:
    """``want`` reports. Fewer is no machine's doing (a crowded machine makes callbacks
    slower, never faster): only more reports than blocking callbacks are re-run."""
    if len(got) != want:
        MSG.fail("wrong_count", settled=len(got) < want, want=want, names=names,
                 count=len(got), got=got)


def check_report(report: Any, name: str, capture: Capture) -> None:
    description = getattr(report, "description", None)
    seconds = getattr(report, "seconds", None)
    MSG.check(isinstance(seconds, float) and seconds >= THRESHOLD, "wrong_seconds", slept=BLOCK,
              got=seconds, threshold=THRESHOLD)
    want = next((d for d in capture.descriptions if name in d), None)
    if want is not None:
        MSG.check(description == want, "wrong_description", got=description, want=want)
    else:  # the test's handler saw nothing (logging was reconfigured): judge the shape
        MSG.check(isinstance(description, str) and name in description
                  and not description.startswith("Executing"), "wrong_description",
                  got=description, want=f"<Task ... name='{name}' ...>")


# -- task 1 -----------------------------------------------------------------------------------
@slow
def test_reports_the_blocking_task_only() -> None:
    """a task blocked by time.sleep is reported, one awaiting asyncio.sleep is not"""

    async def main() -> None:
        await asyncio.gather(  # the waiter starts sleeping first, then the blocker blocks
            asyncio.create_task(polite(), name="polite-waiter"),
            asyncio.create_task(blocker()(), name="sleepy-blocker"),
        )

    with captured_reports() as capture:
        got = slow_callbacks(main, THRESHOLD)
    named = [r for r in got if "sleepy-blocker" in str(getattr(r, "description", ""))]
    if not named:
        MSG.check(got, "missed_slow", name="sleepy-blocker", slept=BLOCK, threshold=THRESHOLD,
                  got=got, level="NOTSET")
    check_count(got, 1, "sleepy-blocker")
    check_report(got[0], "sleepy-blocker", capture)


@slow
def test_reports_every_blocking_task() -> None:
    """two tasks that each block once give two reports, each naming its task, in order"""

    async def main() -> None:
        first = asyncio.create_task(blocker()(), name="first-blocker")
        second = asyncio.create_task(blocker(LONG_BLOCK)(), name="second-blocker")
        await asyncio.sleep(0.01)
        await first
        await second

    with captured_reports() as capture:
        got = slow_callbacks(main, THRESHOLD)
    names = ["first-blocker", "second-blocker"]
    check_count(got, 2, ", ".join(names))
    order = blocker_names(got, names)
    if sorted(order) == names and order != names:
        MSG.fail("report_order", got=order, want=names, first=BLOCK, second=LONG_BLOCK,
                 seconds=[getattr(r, "seconds", None) for r in got])
    for report, name in zip(got, names, strict=True):
        check_report(report, name, capture)


@slow
def test_reports_a_blocking_plain_callback() -> None:
    """a plain callback (loop.call_soon) that blocks is reported like a task: <Handle ...>"""

    async def main() -> None:
        asyncio.get_running_loop().call_soon(time.sleep, BLOCK)
        await polite(BLOCK / 2)  # the blocking callback runs first, main resumes after it

    with captured_reports() as capture:
        got = slow_callbacks(main, THRESHOLD)
    MSG.check(len(got) == 1, "missed_handle", slept=BLOCK, threshold=THRESHOLD, got=got)
    check_report(got[0], "sleep", capture)


@slow
def test_waiting_is_not_blocking() -> None:
    """a main() that only awaits asyncio.sleep has no slow callbacks"""

    async def main() -> None:
        await polite()

    got = slow_callbacks(main, THRESHOLD)
    MSG.check(got == [], "false_positive", got=got, slept=BLOCK)


@slow
def test_uses_the_threshold() -> None:
    """a callback shorter than the threshold is not reported (the default would be 0.1 s)"""
    short = 0.12

    async def main() -> None:
        await asyncio.create_task(blocker(short)(), name="short-blocker")

    got = slow_callbacks(main, 1.0)
    MSG.check(got == [], "threshold_ignored", threshold=1.0, slept=short, got=got)


@slow
def test_reports_blocks_shorter_than_the_default() -> None:
    """blocks longer than the threshold but shorter than the loop's 0.1 s default are reported"""
    name = "brief-blocker"

    async def blocks() -> None:
        for _ in range(BRIEF_TIMES):  # each block is one callback: it ends at the await
            time.sleep(BRIEF_BLOCK)  # noqa: ASYNC251
            await asyncio.sleep(0)

    async def main() -> None:
        await asyncio.create_task(blocks(), name=name)

    got = slow_callbacks(main, BRIEF_THRESHOLD)
    count = blocker_names(got, [name]).count(name)
    MSG.check(count >= BRIEF_TIMES, "default_threshold", name=name, blocks=BRIEF_TIMES,
              slept=BRIEF_BLOCK, threshold=BRIEF_THRESHOLD, count=count, got=got)


@slow
def test_quiet_logger_is_heard_and_restored() -> None:
    """reports are collected even when asyncio's logger is set to ERROR, which is restored"""
    logger = logging.getLogger("asyncio")
    old = logger.level
    logger.setLevel(logging.ERROR)
    try:
        before = state()

        async def main() -> None:
            await asyncio.create_task(blocker()(), name="quiet-blocker")

        got = slow_callbacks(main, THRESHOLD)
        check_state(before, "find_slow_callbacks")
    finally:
        logger.setLevel(old)
    MSG.check(len(got) == 1, "missed_slow", name="quiet-blocker", slept=BLOCK,
              threshold=THRESHOLD, got=got, level="ERROR")


@slow
def test_state_is_restored() -> None:
    """logging and debug settings are as before, after a normal run and after main() raised"""
    before = state()

    async def main() -> None:
        await asyncio.create_task(blocker()(), name="restoring-blocker")

    slow_callbacks(main, THRESHOLD)
    check_state(before, "find_slow_callbacks")

    async def failing() -> None:
        await asyncio.create_task(blocker()(), name="failing-blocker")
        raise LookupError("main() failed on purpose")

    try:
        slow_callbacks(failing, THRESHOLD)
    except LookupError:
        pass
    check_state(before, "find_slow_callbacks", how=" (main() had raised)")


# -- task 2 -----------------------------------------------------------------------------------
async def fetch_data() -> int:
    return 1


class Worker:
    async def run(self) -> None:
        await asyncio.sleep(0)


def make_nested() -> Callable[[], Any]:
    async def inner() -> None:
        await asyncio.sleep(0)

    return inner


@contextmanager
def leftovers_swallowed() -> Iterator[None]:
    """Collect (and drop) un-awaited coroutines the learner's code did not find."""
    enabled = gc.isenabled()
    gc.disable()  # only an explicit gc.collect() finds coroutines in reference cycles
    try:
        yield
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gc.collect()
        if enabled:
            gc.enable()


def never_awaited(func: Callable[[], Any]) -> list[Any]:
    with leftovers_swallowed():
        got = mod.find_never_awaited(func)
    MSG.check(isinstance(got, list), "not_a_list", call="find_never_awaited", got=got,
              what="of coroutine names")
    return got


def check_names(got: list[Any], want: list[str]) -> None:
    if sorted(map(str, got)) == sorted(want) and all(isinstance(g, str) for g in got):
        return
    missing = list(want)
    extra = []
    for name in got:
        if name in missing:
            missing.remove(name)
        else:
            extra.append(name)
    # Only the qualified names (Worker.run, f.<locals>.g) missing: the name was cut short.
    cut_short = bool(missing) and all("." in name for name in missing)
    key = "missed_names" if missing and not extra and not cut_short else "wrong_names"
    MSG.fail(key, want=want, got=got, missing=missing)


@never
def test_names_are_the_qualified_names() -> None:
    """functions, methods and closures are named as the warning quotes them"""
    nested = make_nested()

    def func() -> None:
        fetch_data()  # type: ignore[unused-coroutine]
        Worker().run()  # type: ignore[unused-coroutine]
        nested()

    before = state()
    got = never_awaited(func)
    check_names(got, ["fetch_data", "Worker.run", "make_nested.<locals>.inner"])
    check_state(before, "find_never_awaited")


@never
def test_the_same_coroutine_twice() -> None:
    """the same coroutine function left un-awaited twice gives its name twice"""

    def func() -> None:
        for _ in range(2):
            fetch_data()  # type: ignore[unused-coroutine]

    check_names(never_awaited(func), ["fetch_data", "fetch_data"])


@never
def test_coroutine_in_a_reference_cycle() -> None:
    """a coroutine kept alive by a reference cycle is found too"""

    def func() -> None:
        holder: dict[str, Any] = {}
        holder["self"] = holder
        holder["coroutine"] = fetch_data()

    check_names(never_awaited(func), ["fetch_data"])


@never
def test_returned_coroutine() -> None:
    """a coroutine that func() returns, and nobody awaits, is found too"""

    def func() -> Any:
        return fetch_data()  # handed back to find_never_awaited, which does not await it

    got = never_awaited(func)
    MSG.check("fetch_data" in got, "returned_coroutine", want=["fetch_data"], got=got)
    check_names(got, ["fetch_data"])


@never
def test_awaited_and_closed_are_not_reported() -> None:
    """awaited or closed coroutines, and other RuntimeWarnings, are not reported"""

    def func() -> None:
        asyncio.run(fetch_data())
        coroutine = Worker().run()
        coroutine.close()
        warnings.warn("coroutine 'fetch_data' looked odd", RuntimeWarning, stacklevel=1)

    check_names(never_awaited(func), [])


@never
def test_found_when_warnings_would_be_shown() -> None:
    """found when warnings would otherwise be printed, with origin tracking on (debug mode)"""
    printed: list[str] = []

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: Any = None, line: str | None = None) -> None:
        printed.append(f"{category.__name__}: {message}")

    def func() -> None:
        fetch_data()  # type: ignore[unused-coroutine]

    depth = sys.get_coroutine_origin_tracking_depth()
    with warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.simplefilter("default")  # a plain program: show each warning once
        warnings.showwarning = show  # what would go to stderr comes here
        sys.set_coroutine_origin_tracking_depth(5)  # asyncio debug mode does this
        try:
            got = never_awaited(func)
        finally:
            sys.set_coroutine_origin_tracking_depth(depth)
    check_names(got, ["fetch_data"])
    mine = [p for p in printed if "never awaited" in p]
    MSG.check(not mine, "printed", count=len(mine), sample=mine[0][:100] if mine else "")
