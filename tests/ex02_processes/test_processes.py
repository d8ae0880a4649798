"""Exercise 02: run_in_processes.

Evidence: children report their PIDs and meet at a manager-backed barrier that
opens only when all of them are alive at once; the process table shows who is
still running when the call raises or returns. A stall watch
(tests/support/stall.py) looks at this process and its children while the call
runs: when nothing among them has run for a moment, no other child is on its way
to the barrier (it is broken then rather than at its timeout), or, once every
child has ended, the call waits for a result that never comes.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from collections.abc import Callable, Iterator
from multiprocessing.managers import SyncManager
from typing import Any

import psutil
import pytest
from ex02_processes import processes as mod

from tests.support.leaks import live_children
from tests.support.lesson import Lesson
from tests.support.stall import WINDOW, StallWatch
from tests.support.sync import beyond_default_pool
from tests.support.timing import RUNNER_PREFIX, call_watching, call_with_deadline, scaled

from . import targets
from .messages import MSG

run = pytest.mark.task(1, "run_in_processes")
failures = pytest.mark.task(2, "failures in children")

DEADLINE = 10.0  # seconds (scaled) before a call counts as hung
# Seconds (scaled) of a still process tree after which a call that waits for its children
# counts as stuck: longer than any poll (join/get/poll with a timeout) it may use meanwhile,
# a 1 s poll (the longest usually written) with half a second to spare.
STILL = 1.5
# Seconds (scaled) of a still process tree after which a call is stuck for good when every
# thread that could act waits without a time limit (see tests/support/stall.py): no poll's
# timeout can end such a wait.
SETTLE = 0.2
# Seconds (scaled) of a still process tree after which no other child is on its way to the
# barrier. Until all are there, a right answer always has a process that runs or is about to
# (being started, starting its interpreter, reaching the barrier).
MEETING_STILL = 0.15


def run_in_processes(target: Any, args: list[Any], watch: StallWatch | None = None,
                     on_stall: Callable[[], object] | None = None) -> list[Any]:
    """The learner's run_in_processes, bounded; with ``watch``, a stall ends the wait early
    (``on_stall()`` then breaks what the children wait at, else the test fails at once)."""
    if watch is None:
        return call_with_deadline(mod.run_in_processes, target, args, seconds=DEADLINE,
                                  call="run_in_processes")
    return call_watching(mod.run_in_processes, target, args, seconds=DEADLINE,
                         call="run_in_processes", watch=watch, on_stall=on_stall)


@pytest.fixture(scope="module")
def manager() -> Iterator[SyncManager]:
    with multiprocessing.Manager() as m:
        yield m


def watch(window: float = WINDOW, settle: float | None = None) -> StallWatch:
    """A stall watch over this process and its children, made before the call starts.

    The main thread of a multiprocessing manager (the barrier's) wakes every second to
    look at its stop flag: it is left out.
    """
    managers = [p.pid for p in multiprocessing.active_children()
                if p.name.startswith("SyncManager") and p.pid]
    return StallWatch(window, children=True, ignore=[(pid, pid) for pid in managers],
                      settle=settle)


def abort(barrier: Any, seen: dict[str, int] | None = None) -> None:
    """Break the manager barrier from a short-lived thread: its proxy connection goes with it.

    With ``seen``, first note in ``seen["waiting"]`` how many children were waiting there:
    once the process tree is still, that is how many were alive at once.
    """
    def run() -> None:
        if seen is not None:
            seen["waiting"] = barrier.n_waiting
        barrier.abort()

    helper = threading.Thread(target=run, name="course-abort", daemon=True)
    helper.start()
    helper.join(scaled(5))


# -- task 1 -----------------------------------------------------------------------------------
@run
# More than a pool of a "big enough" size (CPUs, or a default thread pool) lets run at once.
@pytest.mark.parametrize("n", [2, beyond_default_pool()], ids=["two", "beyond_a_default_pool"])
def test_children_run_at_the_same_time_in_their_own_processes(
    manager: SyncManager, n: int
) -> None:
    """every call runs in a new process, all alive at once"""
    barrier = manager.Barrier(n, timeout=scaled(3.0))
    seen: dict[str, int] = {}
    # Children that start one after another leave the others still while the first waits.
    reports = run_in_processes(targets.meet_and_report, [(barrier, i) for i in range(n)],
                               watch(MEETING_STILL), lambda: abort(barrier, seen))
    parent = os.getpid()
    if not isinstance(reports, list) or len(reports) != n:
        MSG.fail("wrong_results", got=reports, want=f"{n} reports (index, pid, ...)")
    in_parent = [r for r in reports if r[1] == parent]
    if in_parent:
        # The test calls run_in_processes from a helper thread of its own (a bounded call's).
        threaded = any(not str(r[3]).startswith(RUNNER_PREFIX) for r in in_parent)
        how = " in threads" if threaded else ", one call after another"
        MSG.fail("ran_in_parent", count=len(in_parent), n=n, parent=parent, how=how)
    pids = sorted({r[1] for r in reports})
    MSG.check(len(pids) == n, "same_pid", n=n, distinct=len(pids), pids=pids)
    met = sum(1 for r in reports if r[2])
    if met < n:
        peak = seen.get("waiting", 0)
        if 1 < peak < n:
            MSG.fail("too_few_at_once", n=n, peak=peak, met=met)
        MSG.fail("not_concurrent", n=n, met=met)
    MSG.check([r[0] for r in reports] == list(range(n)), "wrong_results",
              got=[r[0] for r in reports], want=list(range(n)))


@run
def test_results_follow_input_order() -> None:
    """results (one of them None) come back in input order although the last child ends first"""
    n = 4
    want = [None if i == 1 else f"result-{i}" for i in range(n)]
    try:
        got = run_in_processes(targets.finish_in_reverse, [(i, n) for i in range(n)])
    except ChildProcessError as exc:
        MSG.fail("none_taken_for_missing", want=want, got=f"ChildProcessError({exc})")
    MSG.check(got == want, "wrong_results", got=got, want=want)


@run
def test_large_results_come_back_whole(manager: SyncManager) -> None:
    """a result of several MiB comes back whole (read before you join)"""
    size = 4 * 1024 * 1024
    small_done = manager.Event()
    # A child whose result does not fit in the pipe cannot end until it is read: joined
    # first, parent and child wait for each other and the process tree goes still.
    try:
        got = run_in_processes(targets.big_result, [(size, small_done), (10, small_done)],
                               watch(STILL, SETTLE))
    except Lesson as stuck:
        if stuck.key not in ("stalled", "stuck"):
            raise
        raise MSG.lesson("big_result_stuck", seconds=stuck.fields["seconds"],
                         still=stuck.fields["still"]) from None
    ok = isinstance(got, list) and len(got) == 2 and got[0] == b"x" * size and got[1] == b"x" * 10
    MSG.check(ok, "wrong_results", got=f"{len(got)} result(s)" if isinstance(got, list) else got,
              want="[4 MiB of b'x', b'xxxxxxxxxx']")


@run
def test_no_child_survives_the_call() -> None:
    """no child process is alive after run_in_processes returns"""
    pids = run_in_processes(targets.child_pid, [0, 1, 2])
    alive = [p for p in pids if _running(p)]
    MSG.check(not alive, "child_alive", count=len(alive))


@run
def test_empty_input() -> None:
    """run_in_processes(target, []) returns []"""
    got = run_in_processes(targets.child_pid, [])
    MSG.check(got == [], "empty", got=got)


# -- task 2 -----------------------------------------------------------------------------------
@failures
def test_child_error_is_reraised_after_all_children_ended(manager: SyncManager) -> None:
    """a target that raises: its message is re-raised, after every child ended"""
    before = live_children()
    failed = manager.Event()
    try:
        got = run_in_processes(targets.fail_on_three, [(v, failed) for v in (3, 1, 5)])
    except (NotImplementedError, AssertionError):  # not done yet, or a hang already reported
        raise
    except Exception as exc:  # any type is fine, as long as it carries the message
        still_running = len(live_children() - before)
        MSG.check("bad input 3" in str(exc), "error_text", got=f"{type(exc).__name__}({exc})")
        MSG.check(still_running == 0, "raised_early", count=still_running)
        return
    MSG.fail("no_error", got=got)


@failures
def test_child_that_dies_silently(manager: SyncManager) -> None:
    """a child that exits without a result gives ChildProcessError with its exit code"""
    before = live_children()
    code = targets.SILENT_EXIT
    first_done, second_dying = manager.Event(), manager.Event()
    try:
        got = run_in_processes(targets.exit_silently_on_two,
                               [(v, os.getpid(), first_done, second_dying) for v in (1, 2, 3)],
                               watch(STILL, SETTLE))
    except ChildProcessError as exc:
        # The exit code as a whole number: a pid that merely contains its digits is not it.
        named = re.search(rf"\b{code}\b", str(exc)) is not None
        MSG.check(named, "exit_code_missing", code=code, got=f"ChildProcessError({exc})")
        still_running = len(live_children() - before)
        MSG.check(still_running == 0, "raised_early", count=still_running)
        return
    except (NotImplementedError, AssertionError):  # not done yet, or a hang already reported
        raise
    except Exception as exc:
        MSG.fail("silent_death", code=code, outcome=f"raised {type(exc).__name__}({exc})")
    MSG.fail("silent_death", code=code, outcome=f"returned {got!r}")


@failures
def test_child_that_exits_zero_without_a_result() -> None:
    """a child that exits with code 0 without a result still gives ChildProcessError"""
    try:
        got = run_in_processes(targets.exit_zero_on_two, [(v, os.getpid()) for v in (1, 2, 3)],
                               watch(STILL, SETTLE))
    except ChildProcessError:
        return
    except (NotImplementedError, AssertionError):  # not done yet, or a hang already reported
        raise
    except Exception as exc:
        MSG.fail("exit_zero_unnoticed", outcome=f"raised {type(exc).__name__}({exc})")
    MSG.fail("exit_zero_unnoticed", outcome=f"returned {got!r}")


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
