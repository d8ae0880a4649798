"""Exercise 01: describe_current and run_in_threads.

Evidence: callables meet at a barrier that opens only when all of them are
running at once; thread identities show where each call ran. While the barrier
waits, a stall watch (tests/support/stall.py) looks at every thread: when none
has run for a moment, no other call is on its way (they run one at a time) and
the barrier is broken then rather than at its timeout.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import pytest
from ex01_threads import threads as mod

from tests.support.stall import StallWatch
from tests.support.sync import Rendezvous, beyond_default_pool
from tests.support.timing import call_watching, call_with_deadline

from .messages import MSG

describe = pytest.mark.task(1, "describe_current")
run = pytest.mark.task(2, "run_in_threads")

DEADLINE = 10.0  # seconds (scaled) before a call counts as hung
# Seconds (scaled) of a still process after which no other call is on its way to the
# barrier. Until every call is there, a right answer always has a thread that runs or is
# about to (being started, or between its start and the barrier): any stillness at all
# means they run one at a time, or by too few threads.
STILL = 0.1


def run_in_threads(funcs: list, meeting: Rendezvous | None = None) -> list:
    """The learner's run_in_threads, bounded; callables that meet at ``meeting`` are
    released (barrier broken) as soon as the process stalls with some still missing."""
    if meeting is None:
        return call_with_deadline(mod.run_in_threads, funcs, seconds=DEADLINE,
                                  call="run_in_threads")
    return call_watching(mod.run_in_threads, funcs, seconds=DEADLINE, call="run_in_threads",
                         watch=StallWatch(STILL), on_stall=meeting.abort)


# -- task 1 -----------------------------------------------------------------------------------
@describe
def test_describes_the_main_thread() -> None:
    """describe_current() in the main thread"""
    info = mod.describe_current()
    MSG.check(isinstance(info, tuple) and len(info) == 3, "not_threadinfo", got=info)
    pid, count, name = info
    MSG.check(pid == os.getpid(), "wrong_pid", got=pid, want=os.getpid())
    want_count = threading.active_count()
    MSG.check(count == want_count, "wrong_count", got=count, want=want_count, extra=0)
    here = threading.current_thread().name
    MSG.check(name == here, "wrong_name", got=name, want=here)


@describe
def test_describes_another_thread_among_many() -> None:
    """describe_current() from a named thread while extra threads run"""
    extra = 3
    release = threading.Event()
    # One of them a daemon thread: it is alive, and counts, like any other.
    sleepers = [threading.Thread(target=release.wait, args=(5,), daemon=i == 0)
                for i in range(extra)]
    box: dict[str, object] = {}
    alive: dict[str, int] = {}  # measured right after the call, in the same thread

    def probe() -> None:
        try:
            box["info"] = mod.describe_current()
            alive["count"] = threading.active_count()
            alive["daemons"] = sum(1 for t in threading.enumerate() if t.daemon)
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=probe, name="worker-7")
    try:
        for t in sleepers:
            t.start()
        worker.start()
        worker.join(5)
    finally:
        release.set()
        for t in sleepers:
            t.join(5)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    info = box["info"]
    MSG.check(isinstance(info, tuple) and len(info) == 3, "not_threadinfo", got=info)
    assert isinstance(info, tuple)
    pid, count, name = info
    MSG.check(pid == os.getpid(), "wrong_pid", got=pid, want=os.getpid())
    MSG.check(name == "worker-7", "wrong_name", got=name, want="worker-7")
    want, daemons = alive["count"], alive["daemons"]
    if count != want and count == want - daemons:
        MSG.fail("daemons_missed", got=count, want=want, daemons=daemons)
    MSG.check(count == want, "wrong_count", got=count, want=want, extra=extra)


@describe
def test_returns_a_threadinfo() -> None:
    """describe_current() returns a ThreadInfo with named fields"""
    info = mod.describe_current()
    MSG.check(isinstance(info, mod.ThreadInfo), "not_threadinfo", got=info)
    MSG.check(info.thread_name == threading.current_thread().name, "wrong_name",
              got=info.thread_name, want=threading.current_thread().name)


# -- task 2 -----------------------------------------------------------------------------------
@run
@pytest.mark.parametrize("n", [2, beyond_default_pool()], ids=["two", "beyond_a_default_pool"])
def test_all_calls_run_at_the_same_time(n: int) -> None:
    """all callables are running at the same time, each in a new thread"""
    meeting = Rendezvous(n, timeout=2.0)
    main = threading.get_ident()
    seen: list[threading.Thread] = []

    def make(i: int) -> Callable[[], object]:
        def call() -> int:
            seen.append(threading.current_thread())
            meeting.meet()
            return i * 10

        return call

    try:
        results = run_in_threads([make(i) for i in range(n)], meeting)
    except threading.BrokenBarrierError:
        results = None
    in_main = sum(1 for t in seen if t.ident == main)
    MSG.check(in_main == 0, "ran_in_main", count=in_main, n=n)
    distinct = len({id(t) for t in seen})
    if not meeting.opened:
        key = "too_few_threads" if 1 < meeting.peak < n else "not_concurrent"
        MSG.fail(key, n=n, peak=meeting.peak, threads=distinct)
    MSG.check(distinct == n, "too_few_threads", n=n, peak=meeting.peak, threads=distinct)
    MSG.check(results == [i * 10 for i in range(n)], "wrong_results", got=results,
              want=[i * 10 for i in range(n)])
    alive = [t for t in seen if t.is_alive()]
    MSG.check(not alive, "thread_alive", count=len(alive))


@run
def test_results_follow_input_order_not_finish_order() -> None:
    """results come back in input order even when the threads finish in reverse"""
    n = 4
    meeting = Rendezvous(n)
    done = [threading.Event() for _ in range(n)]

    def make(i: int) -> Callable[[], object]:
        def call() -> str:
            meeting.meet()
            if i + 1 < n:  # finish only after the next one has finished
                done[i + 1].wait(5)
            done[i].set()
            return f"r{i}"

        return call

    try:
        results = run_in_threads([make(i) for i in range(n)], meeting)
    except threading.BrokenBarrierError:
        MSG.fail("not_concurrent", n=n, peak=meeting.peak)
    want = [f"r{i}" for i in range(n)]
    MSG.check(results == want, "wrong_results", got=results, want=want)


@run
def test_reraises_first_error_in_input_order_after_all_finished() -> None:
    """the first failing callable's exception is re-raised, after every thread finished"""
    slow_finished = threading.Event()
    second_raised = threading.Event()
    first_raising = threading.Event()
    meeting = Rendezvous(4)

    def ok() -> str:
        meeting.meet()
        return "ok"

    def first_in_order() -> str:
        meeting.meet()
        second_raised.wait(5)  # fails later in time than the next one
        time.sleep(0.05)
        first_raising.set()
        raise ValueError("first in input order")

    def second_in_order() -> str:
        meeting.meet()
        second_raised.set()
        raise KeyError("second in input order")

    def slow() -> str:
        meeting.meet()
        # Ends well after the first error in input order: a call that raises it as soon as
        # that thread has ended (without joining the others) does so while this one runs.
        first_raising.wait(5)
        time.sleep(0.15)
        slow_finished.set()
        return "slow"

    try:
        got = run_in_threads([ok, first_in_order, second_in_order, slow], meeting)
    except ValueError:
        running = 0 if slow_finished.is_set() else 1
        MSG.check(running == 0, "raised_early", error="ValueError", running=running)
        return
    except threading.BrokenBarrierError:
        MSG.fail("not_concurrent", n=4, peak=meeting.peak)
    except Exception as exc:  # the wrong exception
        MSG.fail("wrong_error", got=f"{type(exc).__name__}({exc})",
                 want="ValueError('first in input order')")
    MSG.fail("no_error", want="ValueError('first in input order')", got=got)


@run
def test_same_callable_twice_gives_each_call_its_result() -> None:
    """one callable passed several times: every call gets a result slot of its own"""
    n = 3
    lock = threading.Lock()
    calls: list[int] = []

    def next_number() -> int:  # a counter: each call returns a new number
        with lock:
            calls.append(len(calls))
            return calls[-1]

    got = run_in_threads([next_number] * n)
    want = list(range(n))
    # The calls run at once, so which of them gets which number is up to the scheduler.
    ok = isinstance(got, list) and len(got) == n and sorted(got) == want
    MSG.check(ok, "same_callable", n=n, got=got, calls=len(calls), want=want)


@run
def test_no_thread_survives_the_call() -> None:
    """no thread started by run_in_threads is alive after it returns"""
    started: list[threading.Thread] = []

    def slowish() -> int:
        started.append(threading.current_thread())
        time.sleep(0.1)  # a call that does not wait for its threads returns long before
        return 1

    run_in_threads([slowish, slowish, slowish])
    alive = [t for t in started if t.is_alive()]
    MSG.check(not alive, "thread_alive", count=len(alive))


@run
def test_empty_input() -> None:
    """run_in_threads([]) returns []"""
    got = run_in_threads([])
    MSG.check(got == [], "empty", got=got)
