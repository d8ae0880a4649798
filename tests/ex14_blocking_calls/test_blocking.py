"""Exercise 14: fetch_all (blocking I/O in threads) and crunch_all (CPU work in processes).

Evidence: a heartbeat task measures, in real time, how long the loop was frozen;
a barrier that opens only when every fetch is in flight; the CPU time of child
processes sampled while crunch_all runs; probes that report where and when each
call ran (armed in the worker processes too, whatever the start method); the
worker processes still alive after crunch_all returned, with every pool it made
kept referenced meanwhile.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

import pytest
from ex14_blocking_calls import blocking as mod

from tests.support import leaks, report
from tests.support.aio import LoopLag, bounded, pending_tasks
from tests.support.cpu import CpuReport, sample_children
from tests.support.freeze import FreezeWatch, Frozen
from tests.support.stall import acting_when_still
from tests.support.sync import Rendezvous
from tests.support.timing import scaled

from . import probes
from .messages import MSG

fetching = pytest.mark.task(1, "fetch_all")
crunching = pytest.mark.task(2, "crunch_all")

DEADLINE = 30.0  # seconds (scaled) before a call counts as hung
# Seconds (scaled) the fetch barrier waits for all four fetches. Four to_thread calls
# reach it within milliseconds of each other, even on a crowded machine; fetches run
# one at a time never do, whatever the wait (which only they sit out).
MEETING = 0.3
# The barrier also breaks as soon as the whole process has stood still this long (seconds,
# scaled): the fetches that wait there, the loop and the executor's idle threads all
# asleep, nothing running and nothing about to. Fetches run together meet within
# milliseconds, each thread running or ready to run until it is at the barrier.
STILL = 0.1
# seconds between fetches finishing, last URL first: results gathered as the fetches
# finish are then never in input order, every time
GAP = 0.02
# Longest real-time freeze of the loop allowed (seconds, scaled). A blocking answer
# freezes it for the whole work (4 fetches: 0.8 s; 4 crunches: 0.6 s of CPU); a right
# one only while the OS gives the CPU to others (about 0.1 s when other programs keep
# both CPUs busy).
# Starting pool workers also holds the loop's thread, longer with the spawn and
# forkserver start methods (forkserver is the default from Python 3.14: the first start
# waits for the server to come up), and on a crowded machine that can take longer than
# the allowance; but then the work is slowed down as much. So crunch_all may freeze the
# loop for up to CRUNCH_LAG, or for up to half the time the call took, whichever is
# longer; computing or waiting for results on the loop's thread freezes it nearly all
# the time.
FETCH_LAG = 0.15
# A freeze above FETCH_LAG but under this many times it is measured once more: a blocking
# fetch freezes the loop for a whole fetch (0.2 s) or all of them (0.8 s) every time.
AGAIN_BELOW = 3
CRUNCH_LAG = 0.15
CRUNCH_SHARE = 0.5
# CPU seconds (scaled) that one cpu_heavy call of the crunch test takes; the number is
# sized on this machine (work_for), so the margins below hold on fast and slow CPUs.
# Four calls: two workers compute together for 0.3 s (about 20 sliding sampling
# windows); waiting for pool.map on the loop's thread freezes it for nearly the whole
# call (above CRUNCH_SHARE of it, however many workers), and computing on the loop's
# thread freezes it for 0.6 s.
CALL_CPU = 0.15
# Two workers that share four calls compute together nearly all the time, unless the OS
# gives one of them much less CPU than the other for the whole call: then the faster one
# ends early and computes the last part alone. Calls run one at a time overlap only
# around the hand-overs (under 20% of the windows). A share in between is measured once
# more rather than blamed on the answer.
AMBIGUOUS = 0.25
# Seconds (scaled) worker processes get to exit after crunch_all returned. A pool left
# by a `with` block (or shutdown()) has already joined them; shutdown(wait=False) lets
# them go within milliseconds; a pool never shut down keeps them however long we wait
# (the test keeps a reference to every pool: see kept_pools).
POOL_EXIT = 0.5


def _sum_of_squares(n: int) -> int:
    """The given cpu_heavy's loop, timed here to size the work (never the learner's)."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def work_for(cpu_seconds: float) -> int:
    """The n for which cpu_heavy(n) takes about ``cpu_seconds`` of CPU on this machine.

    Timed in CPU time, which other programs' load does not stretch, on a run long
    enough for a coarse clock (Windows counts thread time in 15.6 ms steps).
    """
    n = 50_000
    while True:
        start = time.thread_time()
        _sum_of_squares(n)
        took = time.thread_time() - start
        if took >= 0.01 or n >= 50_000_000:
            break
        n *= 2
    return max(n, round(cpu_seconds * n / max(took, 1e-9)))


def squares_below(n: int) -> int:
    """What cpu_heavy(n) returns, in closed form (no CPU time of our own)."""
    return (n - 1) * n * (2 * n - 1) // 6


def check_lag(lag: LoopLag, key: str, limit: float, *, settled: bool = False,
              **fields: object) -> None:
    """The loop's longest freeze within ``limit``. ``settled``: the test fails whatever
    the freeze (other evidence decided), which only picks the lesson: no re-run."""
    ok = lag.worst <= limit
    report.note_timing("longest loop freeze (s)", lag.worst, limit, ok)
    if not ok:
        MSG.fail(key, settled=settled, lag=lag.worst, limit=limit, **fields)


def check_no_tasks_left(call: str) -> None:
    left = pending_tasks()
    for task in left:
        task.cancel()
    MSG.check(not left, "tasks_left", call=call, count=len(left))


def _about_pickling(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says that something could not be pickled."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, pickle.PicklingError) or "pickle" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


async def fetch_all(urls: list[str]) -> Any:
    """mod.fetch_all(urls) under a deadline. The tests' stand-ins for blocking_fetch are
    local functions: a fetch_all that ships blocking_fetch to a process pool fails to
    pickle them, which is said here in the learner's terms."""
    try:
        return await bounded(mod.fetch_all(urls), DEADLINE, "fetch_all")
    except Exception as exc:
        if _about_pickling(exc):
            MSG.fail("fetch_in_processes", n=len(urls), error=type(exc).__name__)
        raise


# -- task 1 -----------------------------------------------------------------------------------
@fetching
@pytest.mark.asyncio
async def test_fetch_all_keeps_the_loop_free(monkeypatch: pytest.MonkeyPatch) -> None:
    """fetch_all runs the real blocking_fetch without freezing the loop"""
    urls = ["http://example.com/status/200", "http://example.com/status/404",
            "http://example.com/", "http://example.com/status/503"]
    real = mod.blocking_fetch

    def fetch_last_first(url: str) -> int:
        code = real(url)
        time.sleep(GAP * (len(urls) - 1 - urls.index(url)))
        return code

    monkeypatch.setattr(mod, "blocking_fetch", fetch_last_first)
    got, lag, watch = await fetch_watched(urls)
    if watch.fired:  # seen asleep in a blocking call on the loop's thread: not a hiccup
        # Still re-run by graders: a right answer's loop thread may wait, for a moment, on a
        # thread it starts (an executor's) that a crowded machine keeps off the CPU.
        MSG.fail("blocks_loop", lag=lag.worst, limit=scaled(FETCH_LAG), n=len(urls),
                 how=MSG.text("stopped_blocked", still=watch.still))
    if scaled(FETCH_LAG) < lag.worst < scaled(FETCH_LAG * AGAIN_BELOW):
        # One freeze a little over the allowance: a blocking fetch on the loop's thread, or
        # the OS keeping the loop's thread off a crowded CPU for a moment. Measured once
        # more: a fetch that blocks the loop freezes it again, every time; a hiccup does not.
        check_no_tasks_left("fetch_all")
        got, again, _ = await fetch_watched(urls)
        lag = min(lag, again, key=lambda one: one.worst)
    check_lag(lag, "blocks_loop", scaled(FETCH_LAG), n=len(urls), how="")
    want = [200, 404, 200, 503]
    MSG.check(got == want, "wrong_results", got=got, want=want)
    check_no_tasks_left("fetch_all")


async def fetch_watched(urls: list[str]) -> tuple[Any, LoopLag, FreezeWatch]:
    """fetch_all(urls), with the longest freeze of the loop while it ran; cut short (result
    None, ``watch.fired``) when the loop's thread was seen asleep in a blocking call."""
    got: Any = None
    async with LoopLag() as lag:
        watch = FreezeWatch(lag, scaled(FETCH_LAG), mod.__file__)
        try:
            with watch.running():
                got = await fetch_all(urls)
        except Frozen:
            if not watch.fired:
                raise
    return got, lag, watch


@contextmanager
def broken_when_still(meeting: Rendezvous) -> Iterator[None]:
    """Break ``meeting`` at once when the process stands still before every party came
    (tests/support/stall.py): nobody else is on the way, so the timeout need not run out."""
    with acting_when_still(meeting.abort, until=lambda: meeting.opened,
                           when=lambda: bool(meeting.waiting), window=STILL,
                           name="course-meeting-watch"):
        yield


@fetching
@pytest.mark.asyncio
async def test_fetches_are_in_flight_together(monkeypatch: pytest.MonkeyPatch) -> None:
    """all fetches are running at the same time, in threads other than the loop's"""
    n = 4  # the default executor has at least 5 threads (min(32, CPUs + 4))
    meeting = Rendezvous(n, timeout=MEETING)
    loop_thread = threading.get_ident()

    def meeting_fetch(url: str) -> int:
        meeting.meet()
        code = int(url.rsplit("/", 1)[-1])
        time.sleep(GAP * (204 - code))  # the last URL finishes first
        return code

    monkeypatch.setattr(mod, "blocking_fetch", meeting_fetch)
    urls = [f"http://example.com/status/{code}" for code in (201, 202, 203, 204)]
    try:
        with broken_when_still(meeting):
            got: list[int] | None = await fetch_all(urls)
    except threading.BrokenBarrierError:
        got = None
    on_loop = meeting.threads.count(loop_thread)
    MSG.check(on_loop == 0, "on_loop_thread", count=on_loop)
    MSG.check(meeting.opened and got is not None, "one_at_a_time", n=n, peak=meeting.peak)
    want = [201, 202, 203, 204]
    MSG.check(got == want, "wrong_results", got=got, want=want)
    check_no_tasks_left("fetch_all")


@fetching
@pytest.mark.asyncio
async def test_fetch_results_follow_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """status codes come back in URL order even when the last fetch finishes first"""
    n = 4
    meeting = Rendezvous(n, timeout=MEETING)
    done = [threading.Event() for _ in range(n)]

    def reversed_fetch(url: str) -> int:
        i = int(url.rsplit("/", 1)[-1]) - 300
        meeting.meet()
        if i + 1 < n:  # finish only after the next one has finished
            done[i + 1].wait(scaled(2.0))
        done[i].set()
        return 300 + i

    monkeypatch.setattr(mod, "blocking_fetch", reversed_fetch)
    urls = [f"http://example.com/status/{300 + i}" for i in range(n)]
    try:
        with broken_when_still(meeting):
            got: list[int] | None = await fetch_all(urls)
    except threading.BrokenBarrierError:
        got = None
    MSG.check(meeting.opened and got is not None, "one_at_a_time", n=n, peak=meeting.peak)
    want = [300 + i for i in range(n)]
    MSG.check(got == want, "wrong_results", got=got, want=want)
    check_no_tasks_left("fetch_all")


@fetching
@pytest.mark.asyncio
async def test_same_url_twice_gives_two_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """the same URL twice in the list gives its code twice"""
    monkeypatch.setattr(mod, "blocking_fetch", lambda url: int(url.rsplit("/", 1)[-1]))
    # Every answer is the same code, so the order the fetches end in cannot matter here
    # (the order test judges that); only how many results come back does.
    urls = ["http://example.com/status/404"] * 2 + ["http://example.org/status/404"]
    got = await bounded(mod.fetch_all(urls), DEADLINE, "fetch_all")
    MSG.check(got == [404, 404, 404], "duplicates_merged", call="fetch_all", items="URL",
              got=got, want=[404, 404, 404])
    check_no_tasks_left("fetch_all")


@fetching
@pytest.mark.asyncio
async def test_fetch_all_empty() -> None:
    """fetch_all([]) returns []"""
    got = await bounded(mod.fetch_all([]), DEADLINE, "fetch_all")
    MSG.check(got == [], "empty", call="fetch_all", got=got)


# -- task 2 -----------------------------------------------------------------------------------
@pytest.fixture
def kept_pools(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ProcessPoolExecutor]]:
    """Keep a reference to every ProcessPoolExecutor made during the test, until its end.

    A pool that is never shut down stops its workers only when garbage collection frees
    it. In CPython that can happen the moment crunch_all's frame is gone, and its workers
    then exit within milliseconds, as if it had been shut down; but any other reference
    (a traceback, a cache, a debugger) keeps them running. Holding one here makes such a
    pool show as what it is; a pool that was shut down is not affected.
    """
    pools: list[ProcessPoolExecutor] = []
    original = ProcessPoolExecutor.__init__

    def init(self: ProcessPoolExecutor, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        pools.append(self)

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", init)
    yield pools
    pools.clear()  # before the leak check: a pool left running goes the way it would have


def start_services() -> None:
    """Start the multiprocessing helper processes a pool needs, if they are not running.

    With the spawn and forkserver start methods, the first pool of the run starts the
    resource tracker (and the fork server); started during the call, they would count
    as workers that computed (the sampler leaves out only the services running when it
    starts), and their short bursts of CPU skew its windows. Started here, they are left
    out. Each starts once per run; the fork start method needs neither.
    """
    if os.name != "posix":
        return
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()  # also for a pool with an explicit spawn context
    if multiprocessing.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


async def measure_crunch(numbers: list[int]) -> tuple[Any, CpuReport, LoopLag, float]:
    """crunch_all(numbers) with its workers' CPU sampled and the loop's freezes measured."""
    start_services()
    with sample_children() as cpu:
        async with LoopLag() as lag:
            start = time.perf_counter()
            got = await bounded(mod.crunch_all(numbers), DEADLINE, "crunch_all")
            elapsed = time.perf_counter() - start
    return got, cpu, lag, elapsed


@crunching
@pytest.mark.asyncio
async def test_crunch_all_computes_in_parallel_processes(
    kept_pools: list[ProcessPoolExecutor],
) -> None:
    """crunch_all computes in at least two worker processes at once, loop stays free"""
    work = work_for(scaled(CALL_CPU))
    numbers = [work + i for i in (0, 1, 0, 2)]  # one number twice: two results
    before = leaks.live_children()
    got, cpu, lag, elapsed = await measure_crunch(numbers)
    if cpu.child_cpu >= 0.1 and not cpu.together() and cpu.overlap >= AMBIGUOUS:
        got, cpu, lag, elapsed = await measure_crunch(numbers)
    limit = max(scaled(CRUNCH_LAG), CRUNCH_SHARE * elapsed)
    want = [squares_below(n) for n in numbers]
    if isinstance(got, list) and len(got) < len(numbers) and set(got) == set(want):
        MSG.fail("duplicates_merged", call="crunch_all", items="number", got=got, want=want)
    MSG.check(got == want, "wrong_crunch_results", got=got, want=want)
    if cpu.child_cpu < 0.1:
        # The work was done in this process: on the loop's thread (then the loop was frozen
        # for about as long as the work took), or in threads (the GIL only slows the loop).
        # No child CPU fails the test whatever the clock says: the lag only picks the lesson.
        if lag.worst >= 0.5 * cpu.parent_cpu:
            check_lag(lag, "blocks_loop_cpu", limit, settled=True, elapsed=elapsed)
        MSG.fail("threads_gil", child=cpu.child_cpu, parent=cpu.parent_cpu)
    if not cpu.together():
        # Workers seen clearly one at a time (fewer shared windows than hand-overs make)
        # do not owe it to a crowded machine: no re-run then.
        MSG.fail("not_parallel", settled=cpu.overlap < AMBIGUOUS, child=cpu.child_cpu,
                 workers=len(cpu.pids), share=cpu.overlap)
    check_lag(lag, "blocks_loop_cpu", limit, elapsed=elapsed)
    check_pool_shut_down(before)
    check_no_tasks_left("crunch_all")


def check_pool_shut_down(before: set[int]) -> None:
    deadline = time.monotonic() + scaled(POOL_EXIT)
    while True:
        left = sorted(leaks.live_children() - before)
        if not left or time.monotonic() >= deadline:
            break
        time.sleep(0.02)
    if left:  # reported here: the leak check after the test need not wait for them too
        leaks.kill_children(left)
    MSG.check(not left, "pool_left_running", count=len(left), pids=", ".join(map(str, left)),
              seconds=scaled(POOL_EXIT))


@crunching
@pytest.mark.asyncio
async def test_crunch_calls_overlap_in_worker_processes(
    monkeypatch: pytest.MonkeyPatch, kept_pools: list[ProcessPoolExecutor],
) -> None:
    """each call runs in a worker process, and the calls overlap in time"""
    monkeypatch.setattr(mod, "cpu_heavy", probes.timed_square)
    # Armed numbers put the probe in place in every worker that receives one, so that a
    # worker started with spawn or forkserver runs it too (see probes).
    numbers = [probes.Armed(n) for n in (3, 1, 4, 2)]
    before = leaks.live_children()
    loop_thread = threading.get_ident()
    got: Any = await bounded(mod.crunch_all(numbers), DEADLINE, "crunch_all")
    if got == [squares_below(n) for n in numbers]:
        # The real cpu_heavy ran everywhere: the code took it before the test replaced it
        # (a default argument, say) and handed the workers plain ints of its own, so no
        # probe reached the calls. The results are right; where the calls ran and whether
        # they overlapped is judged without the probe, by the CPU sampler of
        # test_crunch_all_computes_in_parallel_processes.
        check_pool_shut_down(before)
        check_no_tasks_left("crunch_all")
        return
    try:
        values = [g[0] for g in got]
        runs = [(pid, tid, start, end) for _, pid, tid, start, end in got]
    except (TypeError, ValueError, IndexError):
        MSG.fail("wrong_crunch_results", got=got, want="one result per number, in order")
    want = [n * n for n in map(int, numbers)]
    MSG.check(values == want, "wrong_crunch_results", got=values, want=want)
    here = [tid for pid, tid, _, _ in runs if pid == os.getpid()]
    if here:
        where = "the event loop's thread" if loop_thread in here else "threads"
        MSG.fail("ran_in_parent", count=len(here), n=len(numbers), where=where)
    overlap = any(
        a[0] != b[0] and a[2] < b[3] and b[2] < a[3]
        for i, a in enumerate(runs) for b in runs[i + 1:]
    )
    MSG.check(overlap, "cpu_one_at_a_time", n=len(numbers))
    check_pool_shut_down(before)
    check_no_tasks_left("crunch_all")


@crunching
@pytest.mark.asyncio
async def test_crunch_all_empty(kept_pools: list[ProcessPoolExecutor]) -> None:
    """crunch_all([]) returns []"""
    before = leaks.live_children()
    got = await bounded(mod.crunch_all([]), DEADLINE, "crunch_all")
    MSG.check(got == [], "empty", call="crunch_all", got=got)
    check_pool_shut_down(before)
