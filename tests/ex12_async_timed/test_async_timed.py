"""Exercise 12: the async_timed decorator factory.

Evidence: an injected fake clock gives exact elapsed times and exact log lines;
the loop's own (virtual, looptime) clock times calls that overlap and start at
different moments, which exposes a start time kept on the wrapper or taken when
the function was decorated.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from ex12_async_timed import timing as mod

from .messages import MSG

one_call = pytest.mark.task(1, "log and time one call")
overlap = pytest.mark.task(2, "overlapping calls")
manners = pytest.mark.task(3, "a well-behaved decorator")

EPS = 1e-6  # the clocks here are exact; this only absorbs float rounding


class FakeClock:
    """A clock the test moves by hand: ``clock.now += 2.5`` inside the coroutine."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def loop_clock() -> float:
    return asyncio.get_running_loop().time()


def close(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) < 1e-3 for x, y in zip(a, b, strict=True))


class Seconds(float):
    """A float that shows four decimals in messages."""

    def __repr__(self) -> str:
        return f"{float(self):.4f}"


def timings_of(wrapper: Any, call: str) -> list[float]:
    got = getattr(wrapper, "timings", None)
    MSG.check(isinstance(got, list), "no_timings", call=call, got=got)
    return [Seconds(x) if isinstance(x, int | float) else x for x in got]  # type: ignore[union-attr]


def decorate(func: Callable[..., Awaitable[Any]], **options: Any) -> Any:
    return mod.async_timed(**options)(func)


def not_awaited(got: Any, call: str) -> None:
    """Fail if the wrapper handed back the coroutine object instead of awaiting it."""
    if inspect.isawaitable(got):
        if inspect.iscoroutine(got):
            got.close()  # it never ran; closing it spares a "never awaited" warning
        MSG.fail("not_awaited", call=call, got=got)


async def result_of(aw: Awaitable[Any], call: str) -> Any:
    """Await one call of a decorated function (bounded) and return what it gives."""
    got = await asyncio.wait_for(aw, 10)
    not_awaited(got, call)
    return got


def latest_start_timings(
    plan: tuple[tuple[float, float], ...], shared: Callable[[float, float], bool]
) -> list[float]:
    """What one start time shared by calls would give: each call measured from the latest
    start, before its end, of a call it shares the start with (``shared(seconds, seconds)``)."""
    ends = [(o + s, s) for o, s in plan]
    return sorted(
        end - max(o for o, s in plan if o <= end and shared(s, mine)) for end, mine in ends
    )


def shared_start_timings(plan: tuple[tuple[float, float], ...]) -> list[float]:
    """One start time shared by all calls (on the wrapper, in the decorator)."""
    return latest_start_timings(plan, lambda a, b: True)


def start_by_args_timings(plan: tuple[tuple[float, float], ...]) -> list[float]:
    """One start time per argument value (a dict keyed by the arguments)."""
    return latest_start_timings(plan, lambda a, b: a == b)


def judge_body_start(call: str, seen: list[list[str]]) -> None:
    """``seen``: the log as each call's coroutine body found it when it started. A
    "finished" line already there means the wrapper timed only the creation of the
    coroutine object, and ran the body afterwards."""
    if seen and any(line.startswith("finished") for line in seen[0]):
        MSG.fail("timed_creation", call=call, got=seen[0])


# -- task 1 -----------------------------------------------------------------------------------
@one_call
@pytest.mark.asyncio
async def test_logs_and_times_one_call() -> None:
    """one call: the exact "starting"/"finished" lines and the elapsed time of the fake clock"""
    clock = FakeClock(100.0)
    log: list[str] = []
    seen: list[list[str]] = []

    async def work(a: int, b: int, *, x: int) -> int:
        seen.append(list(log))  # what had been logged when the body started
        clock.now += 2.5
        return a + b + x

    timed = decorate(work, clock=clock, log=log.append)
    call = "work(1, 2, x=3) decorated with @async_timed(clock=..., log=...)"
    got = await result_of(timed(1, 2, x=3), call)
    MSG.check(got == 6, "wrong_return", call=call, got=got, want=6)
    start_line = "starting work with args (1, 2) {'x': 3}"
    end_line = "finished work in 2.5000 second(s)"
    MSG.check(log[:1] == [start_line], "starting_line", call=call, got=log[:1], want=start_line)
    judge_body_start(call, seen)
    MSG.check([len(lines) for lines in seen] == [1], "logged_late", call=call,
              got=[len(lines) for lines in seen])
    MSG.check(len(log) == 2, "log_count", call=call, got=log)
    MSG.check(log[1] == end_line, "finished_line", call=call, got=log[1], want=end_line)
    got_t = timings_of(timed, call)
    MSG.check(close(got_t, [2.5]), "wrong_elapsed", call=call, got=got_t, want=[2.5])


@one_call
@pytest.mark.asyncio
async def test_start_is_read_when_the_call_starts() -> None:
    """the clock is read when each call starts, not when the function was decorated"""
    clock = FakeClock(0.0)
    log: list[str] = []
    seen: list[list[str]] = []

    async def nap() -> None:
        seen.append(list(log))
        clock.now += 1.0

    timed = decorate(nap, clock=clock, log=log.append)
    clock.now = 50.0  # time passes between decoration and the call
    call = "nap() called 50 s after it was decorated, taking 1 s"
    await result_of(timed(), call)
    judge_body_start(call, seen)
    got = timings_of(timed, call)
    if got and abs(got[0] - 51.0) < 1e-3:
        MSG.fail("start_at_decoration", call=call, got=got)
    MSG.check(close(got, [1.0]), "wrong_elapsed", call=call, got=got, want=[1.0])


@one_call
@pytest.mark.asyncio
async def test_exception_is_logged_timed_and_raised() -> None:
    """a call that raises is still logged and timed, and its exception propagates"""
    clock = FakeClock(10.0)
    log: list[str] = []
    seen: list[list[str]] = []

    async def broken(n: int) -> None:
        seen.append(list(log))
        clock.now += 1.5
        raise ValueError(f"broken {n}")

    timed = decorate(broken, clock=clock, log=log.append)
    call = "broken(7), which raises ValueError after 1.5 s"
    try:
        await result_of(timed(7), call)
    except ValueError:
        pass
    else:
        MSG.fail("swallowed_error", call=call)
    judge_body_start(call, seen)
    finished = any(line.startswith("finished") for line in log)
    MSG.check(finished and getattr(timed, "timings", None), "no_finally", call=call, got=log)
    got = timings_of(timed, call)
    MSG.check(close(got, [1.5]), "wrong_elapsed", call=call, got=got, want=[1.5])
    end_line = "finished broken in 1.5000 second(s)"
    MSG.check(log == ["starting broken with args (7,) {}", end_line], "log_count", call=call,
              got=log)


@one_call
@pytest.mark.asyncio
async def test_cancelled_call_is_logged_and_timed() -> None:
    """a cancelled call is still logged and timed, and the cancellation propagates"""
    # Cancelling raises CancelledError into the coroutine, at the await where it waits:
    # the coroutine raises, like any other, only with a BaseException.
    clock = FakeClock(20.0)
    log: list[str] = []
    seen: list[list[str]] = []
    started = asyncio.Event()

    async def stuck(n: int) -> None:
        seen.append(list(log))
        started.set()
        await asyncio.Event().wait()  # until cancelled

    timed = decorate(stuck, clock=clock, log=log.append)
    call = "stuck(3), cancelled 2 s after it started"
    task = asyncio.ensure_future(timed(3))
    waiting = asyncio.ensure_future(started.wait())
    await asyncio.wait({task, waiting}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    waiting.cancel()
    await asyncio.wait({waiting})
    if task.done() and not task.cancelled():  # it ended before it was cancelled
        not_awaited(task.result(), call)  # (task.result() raises what the call raised)
    clock.now += 2.0
    task.cancel()
    await asyncio.wait({task}, timeout=10)
    MSG.check(task.done(), "hang", call=call, seconds=10.0)
    if not task.cancelled():
        got = task.exception() or task.result()
        MSG.fail("swallowed_cancel", call=call, got=got)
    judge_body_start(call, seen)
    finished = any(line.startswith("finished") for line in log)
    got_t = getattr(timed, "timings", None)
    MSG.check(finished and got_t, "cancel_not_timed", call=call, got=log, timings=got_t)
    got = timings_of(timed, call)
    MSG.check(close(got, [2.0]), "wrong_elapsed", call=call, got=got, want=[2.0])
    end_line = "finished stuck in 2.0000 second(s)"
    MSG.check(log == ["starting stuck with args (3,) {}", end_line], "log_count", call=call,
              got=log)


@one_call
@pytest.mark.asyncio
async def test_default_clock_and_print(capsys: pytest.CaptureFixture[str]) -> None:
    """by default the lines are printed and time.perf_counter is the clock"""

    async def hello(name: str) -> str:
        await asyncio.sleep(0)
        return f"hello {name}"

    timed = decorate(hello)
    call = "hello('x') decorated with @async_timed()"
    got = await result_of(timed("x"), call)
    out = capsys.readouterr().out.splitlines()
    MSG.check(got == "hello x", "wrong_return", call=call, got=got, want="hello x")
    want = "starting hello with args ('x',) {}"
    MSG.check(out[:1] == [want], "starting_line", call=call, got=out[:1], want=want)
    pattern = r"finished hello in \d+\.\d{4} second\(s\)"
    MSG.check(len(out) == 2 and re.fullmatch(pattern, out[1]), "finished_line", call=call,
              got=out[1:], want="finished hello in 0.0000 second(s)")
    got_t = timings_of(timed, call)
    MSG.check(len(got_t) == 1 and 0 <= got_t[0] < 5, "wrong_elapsed", call=call, got=got_t,
              want="[a small number of seconds]")


# -- task 2 -----------------------------------------------------------------------------------
@overlap
@pytest.mark.asyncio
@pytest.mark.looptime
@pytest.mark.parametrize(
    "plan",
    [((0.0, 0.3), (0.1, 0.2)), ((0.0, 0.5), (0.1, 0.1), (0.3, 0.4)),
     ((0.0, 0.4), (0.1, 0.4), (0.2, 0.1))],
    ids=["two", "three", "same_args"],
)
async def test_overlapping_calls_are_timed_separately(
    plan: tuple[tuple[float, float], ...],
) -> None:
    """calls that overlap and start at different moments are each timed from their own start"""
    log: list[str] = []
    seen: list[list[str]] = []

    async def sleepy(seconds: float) -> float:
        seen.append(list(log))
        await asyncio.sleep(seconds)
        return seconds

    timed = decorate(sleepy, clock=loop_clock, log=log.append)
    await asyncio.sleep(1.0)  # time passes between decoration and the first call
    origin = loop_clock()
    tasks = []
    for offset, seconds in plan:
        await asyncio.sleep(origin + offset - loop_clock())
        tasks.append(asyncio.create_task(timed(seconds)))
    done, pending = await asyncio.wait(tasks, timeout=10)
    for t in pending:
        t.cancel()
    starts = ", ".join(f"{s:.1f} s at +{o:.1f} s" for o, s in plan)
    call = f"overlapping calls of a decorated coroutine ({starts})"
    MSG.check(not pending, "hang", call=call, seconds=10.0)
    for t in done:
        if not t.cancelled() and t.exception() is None:
            not_awaited(t.result(), call)
    judge_body_start(call, seen)
    want = sorted(s for _, s in plan)
    got = sorted(timings_of(timed, call))
    if got and min(got) >= 1.0 - 1e-3:
        MSG.fail("start_at_decoration", call=call, got=got)
    if close(got, shared_start_timings(plan)):
        MSG.fail("shared_start", call=call, got=got, want=want)
    if close(got, start_by_args_timings(plan)) and not close(got, want):
        MSG.fail("start_by_args", call=call, got=got, want=want)
    MSG.check(close(got, want), "overlap_wrong", call=call, got=got, want=want)
    lines = sorted(line for line in log if line.startswith("finished"))
    want_lines = sorted(f"finished sleepy in {s:.4f} second(s)" for s in want)
    MSG.check(lines == want_lines, "finished_line", call=call, got=lines, want=want_lines)
    elapsed = loop_clock() - origin
    longest = max(o + s for o, s in plan)
    MSG.check(elapsed < longest + 1e-3, "serialised", call=call, elapsed=elapsed, want=longest)


@overlap
@pytest.mark.asyncio
async def test_nested_calls_in_one_task_are_timed_separately() -> None:
    """a decorated coroutine that awaits itself (one task, nested calls): each call its own start"""
    clock = FakeClock(0.0)
    timed: Any = None

    async def countdown(n: int) -> int:
        clock.now += 0.1  # every level costs 0.1 s before it calls the next one
        if n:
            await timed(n - 1)
        return n

    timed = decorate(countdown, clock=clock, log=lambda line: None)
    call = "countdown(2), decorated, awaiting countdown(1), which awaits countdown(0)"
    await result_of(timed(2), call)
    got = timings_of(timed, call)
    want = [0.1, 0.2, 0.3]  # the innermost call ends first
    MSG.check(close(got, want), "nested_calls", call=call, got=got, want=want)


# -- task 3 -----------------------------------------------------------------------------------
@manners
def test_keeps_name_doc_and_wrapped() -> None:
    """the wrapper keeps the function's __name__, __doc__ and __wrapped__"""

    async def fetch_page(url: str) -> str:
        """Download one page."""
        return url

    timed = decorate(fetch_page, log=lambda line: None)
    for what, want in (("__name__", "fetch_page"), ("__doc__", "Download one page.")):
        got = getattr(timed, what, None)
        MSG.check(got == want, "lost_metadata", what=what, got=got, want=want)
    got_w = getattr(timed, "__wrapped__", None)
    MSG.check(got_w is fetch_page, "lost_metadata", what="__wrapped__", got=got_w,
              want=fetch_page)


@manners
def test_still_a_coroutine_function() -> None:
    """the decorated function is still a coroutine function (async def)"""

    async def job() -> int:
        return 1

    timed = decorate(job, log=lambda line: None)
    MSG.check(inspect.iscoroutinefunction(timed), "not_coroutine_function", got=type(timed))
    coro = timed()
    try:
        MSG.check(inspect.iscoroutine(coro), "not_coroutine_function", got=type(coro))
    finally:
        if inspect.iscoroutine(coro):
            coro.close()


@manners
@pytest.mark.asyncio
async def test_each_function_has_its_own_timings() -> None:
    """every decorated function keeps its own timings list, one entry per call"""
    clock = FakeClock(0.0)

    def make(name: str, cost: float) -> Callable[[], Awaitable[None]]:
        async def func() -> None:
            clock.now += cost

        func.__name__ = name
        return func

    factory = mod.async_timed(clock=clock, log=lambda line: None)
    first = factory(make("first", 1.0))
    second = factory(make("second", 0.25))
    third = decorate(make("third", 4.0), clock=clock, log=lambda line: None)
    for f in (first, second, first, third):
        await result_of(f(), f"{getattr(f, '__name__', 'f')}()")
    got = {name: timings_of(f, f"{name}()") for name, f in
           (("first", first), ("second", second), ("third", third))}
    want = {"first": [1.0, 1.0], "second": [0.25], "third": [4.0]}
    same = len({id(getattr(f, "timings", None)) for f in (first, second, third)}) < 3
    MSG.check(not same, "shared_timings", got=got, want=want)
    ok = all(close(got[k], want[k]) for k in want)
    MSG.check(ok, "wrong_timings", got=got, want=want)
