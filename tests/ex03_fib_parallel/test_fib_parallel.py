"""Exercise 03: fibs_parallel.

Evidence: a sampler thread reads the CPU time of every descendant process every
10 ms while the call runs and counts how many were computing within the same
100 ms window (2 for a two-worker pool even when other programs keep the CPUs
busy, 1 for a one-worker pool, 0 for threads). Each worker's busy span (first to
last sample in which it computed) tells how many computed at the same moment: never
more than `workers` but for an instant at a hand-over. With workers=None and the
calling thread allowed one CPU, that is one. The wall-clock speed-up is the second
line, measured against fibs_sequential in the same test.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import math
import os
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pytest
from ex03_fib_parallel import fib_parallel as mod

from tests.support import machine
from tests.support.cpu import ChildCpuSampler, CpuReport
from tests.support.report import note_timing
from tests.support.timing import call_with_deadline, scaled, usable_cpus

from .messages import MSG

results = pytest.mark.task(1, "fibs_parallel")
evidence = pytest.mark.task(2, "worker processes compute at the same time")
speedup = pytest.mark.task(3, "speed-up over fibs_sequential")

DEADLINE = 60.0
WINDOW = 0.1  # seconds: "at the same time" means within one window
RATIO_LIMIT = 0.75  # parallel / sequential wall time with 2+ CPUs
CHILD_CPU_FLOOR = 0.03  # three ticks of the kernel's CPU accounting: some work was there
FAIR_SHARE = 0.8  # below this share of their CPUs, the machine is too busy to judge
AMBIGUOUS = 0.1  # workers one at a time overlap in fewer windows than this (hand-overs)
# Seconds (scaled) into the speed-up's parallel call after which, if no two workers were
# ever seen computing together, the call needs one CPU only (serial_watch). Pool workers
# start within 0.3 s (spawn, forkserver) and compute together from then on; the call
# takes about a second with two CPUs.
SERIAL_AFTER = 0.8
CROWDED = 0.5  # more than `workers` computing together this share of the time: too many


def reference_fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n - 1):
        a, b = b, a + b
    return a


GOLDEN = (1 + 5 ** 0.5) / 2  # the slow fib(n + 1) takes about GOLDEN times fib(n)


@functools.cache
def _base() -> tuple[int, float]:
    """The first n for which the slow fib takes a measurable 20 ms of CPU, and that time."""
    n, took = 20, 0.0
    while took < 0.02 and n < 40:
        n += 1
        start = time.process_time()
        mod.fib(n)
        took = time.process_time() - start
    return n, took


def n_taking(seconds: float) -> int:
    """The n for which the slow fib takes about ``seconds`` of CPU on this machine.

    Measured once on a small n (CPU time, so other programs do not skew it) and
    scaled by the golden ratio per step, instead of timing every n up to the target.
    """
    n, took = _base()
    if took < 0.02:  # even fib(40) is quick: not the given slow fib; use the largest n
        return n
    return min(45, n + max(0, round(math.log(seconds / took, GOLDEN))))


def fibs_parallel(numbers: Sequence[int], workers: int | None,
                  serial_after: float | None = None) -> tuple[list[int], CpuReport]:
    """The learner's call, bounded and sampled; with ``serial_after``, see ``serial_watch``."""
    sampler = ChildCpuSampler(window=WINDOW)
    with sampler, serial_watch(sampler, serial_after):
        got = call_with_deadline(mod.fibs_parallel, list(numbers), workers, seconds=DEADLINE,
                                 call="fibs_parallel")
    return got, sampler.report


@contextlib.contextmanager
def serial_watch(sampler: ChildCpuSampler, after: float | None) -> Iterator[None]:
    """Give the whole machine back (``machine.release``) once the call has run ``after``
    seconds without two workers ever computing together.

    Such a call cannot show a speed-up, and what it shows (no work in child processes,
    or workers one at a time) does not need every CPU: it goes on with one, and a
    grader lets its other test processes go on meanwhile. A right answer's workers
    compute together within a few tenths of a second, whichever start method.
    """
    if after is None:
        yield
        return
    done = threading.Event()
    start = time.monotonic()

    def watch() -> None:
        while not done.wait(0.05):
            if time.monotonic() - start >= after:
                if sampler.most_together() <= 1:
                    machine.release()
                return

    watcher = threading.Thread(target=watch, name="course-serial-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join(1)


def measure_parallel(numbers: Sequence[int], workers: int | None) -> tuple[list[int], CpuReport]:
    """Like ``fibs_parallel``, but a measurement that a burst of load made ambiguous (some
    windows with two workers busy, yet fewer than half) is taken once more."""
    got, report = fibs_parallel(numbers, workers)
    if report.child_cpu >= 0.1 and not report.together() and report.overlap >= AMBIGUOUS:
        got, report = fibs_parallel(numbers, workers)
    return got, report


def check_values(numbers: Sequence[int], workers: int | None, got: object) -> None:
    want = [reference_fib(n) for n in numbers]
    MSG.check(got == want, "wrong_results", numbers=list(numbers), workers=workers,
              got=got, want=want)


def children_computed(report: CpuReport) -> bool:
    """The work was done in child processes: see check_child_cpu."""
    return report.child_cpu >= max(CHILD_CPU_FLOOR, report.parent_cpu)


def check_child_cpu(numbers: Sequence[int], workers: int | None, report: CpuReport) -> None:
    """The work was done in child processes, not in this one.

    Judged against this process's own CPU time in the same call, not against a fixed
    amount: the CPUs' speed drifts on a shared machine, and numbers calibrated to take
    0.2 s took 0.09 s a minute later. Work done here shows as this process's time.
    """
    MSG.check(children_computed(report), "no_child_cpu", numbers=list(numbers),
              workers=workers, child=report.child_cpu, parent=report.parent_cpu)


def check_parallel(numbers: Sequence[int], workers: int | None, report: CpuReport,
                   cpus: int | None = None) -> None:
    check_child_cpu(numbers, workers, report)
    MSG.check(report.together(), "one_at_a_time", numbers=list(numbers), workers=workers,
              child=report.child_cpu, share=report.overlap, window=report.window)
    check_at_most(numbers, workers, report, cpus)


def check_at_most(numbers: Sequence[int], workers: int | None, report: CpuReport,
                  cpus: int | None = None) -> None:
    """No more processes computed at once than ``workers`` (None: the usable CPUs, or
    ``cpus`` when the call was made with more of them), but for a moment at a hand-over
    (a process ending as the next one starts)."""
    most = workers if workers is not None else cpus or usable_cpus()
    peak, share = report.crowding(most)
    MSG.check(share < CROWDED, "too_many_workers", numbers=list(numbers), workers=workers,
              peak=peak, most=most, share=share)


# -- task 1 -----------------------------------------------------------------------------------
@results
@pytest.mark.parametrize(("numbers", "workers"), [([10, 1, 2, 15, 7], 2), ([5, 6, 7], None)])
def test_results_in_input_order(numbers: list[int], workers: int | None) -> None:
    """fib of every number, in input order"""
    # A slow first number finishes last: results gathered as they finish are then out of
    # order every time, not only when the scheduler happens to shuffle the quick ones.
    numbers = [n_taking(0.15), *numbers]
    got, _ = fibs_parallel(numbers, workers)
    check_values(numbers, workers, got)


@results
def test_input_order_when_the_first_number_is_the_slowest() -> None:
    """results keep input order when the first number finishes last"""
    numbers = [n_taking(0.2), 3, 4, 5, 6, 7]
    got, _ = fibs_parallel(numbers, 2)
    check_values(numbers, 2, got)


@results
def test_empty_input() -> None:
    """fibs_parallel([]) returns []"""
    got, _ = fibs_parallel([], 2)
    MSG.check(got == [], "empty", got=got)


# -- task 2 -----------------------------------------------------------------------------------
@evidence
def test_two_workers_compute_at_the_same_time() -> None:
    """with workers=2, two child processes are computing at the same time"""
    numbers = [n_taking(0.15)] * 4
    got, report = measure_parallel(numbers, 2)
    check_parallel(numbers, 2, report)
    check_values(numbers, 2, got)


@evidence
def test_default_workers_use_the_usable_cpus(default_run: DefaultRun) -> None:
    """with workers=None, as many processes compute at once as there are usable CPUs"""
    # The speed-up test's call: fibs_parallel(numbers) with every CPU, sampled.
    run = default_run.evidence()
    if run is None:
        # One CPU: one worker, nothing to see at the same time; only the values count.
        numbers = [n_taking(0.02)] * 4
        got, _ = fibs_parallel(numbers, None)
        check_values(numbers, None, got)
        return
    check_values(run.numbers, None, run.got)
    check_parallel(run.numbers, None, run.report, run.cpus)


@evidence
def test_one_worker_computes_alone() -> None:
    """with workers=1, only one process computes at a time"""
    numbers = [n_taking(0.1)] * 3
    got, report = fibs_parallel(numbers, 1)
    check_child_cpu(numbers, 1, report)
    alone = not report.together() and report.span_overlap() < 0.5
    MSG.check(alone, "ignores_workers", numbers=numbers, share=report.overlap,
              span=report.span_overlap(), window=report.window)
    check_values(numbers, 1, got)


@contextlib.contextmanager
def one_cpu() -> Iterator[int]:
    """This thread (and the threads and processes it starts) may use one CPU only; yields
    how many CPUs the machine has.

    The module is imported again inside (and once more after), as a process started
    on one CPU would have imported it: code that reads the usable CPUs once, at import,
    is right too.
    """
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        importlib.reload(mod)
        yield os.cpu_count() or 1
    finally:
        os.sched_setaffinity(0, before)
        importlib.reload(mod)


@evidence
@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"),
                    reason="this system cannot limit a process to some of its CPUs")
def test_default_workers_follow_the_cpus_this_process_may_use() -> None:
    """with workers=None and one CPU allowed to this process, one worker computes at a time"""
    # Four equal numbers: two workers would both be busy from the first to the last.
    numbers = [n_taking(0.05)] * 4
    with one_cpu() as machine:
        got, report = fibs_parallel(numbers, None)
    check_child_cpu(numbers, None, report)
    peak, share = report.crowding(1)
    MSG.check(share < CROWDED, "default_not_usable", numbers=numbers, machine=machine,
              peak=peak, share=share)
    check_values(numbers, None, got)


# -- task 3 -----------------------------------------------------------------------------------
@speedup
@pytest.mark.speedup
def test_speedup_over_sequential(default_run: DefaultRun) -> None:
    """on 2+ CPUs, fibs_parallel takes at most 0.75 of the sequential time"""
    run = default_run.speedup()
    if run is None:
        pytest.skip(f"only {usable_cpus()} usable CPU: a speed-up needs at least 2 "
                    "(the evidence tests of task 2 still apply)")
    cpus = run.cpus
    check_values(run.numbers, None, run.got)
    check_child_cpu(run.numbers, None, run.report)
    numbers, workers = run.numbers, None
    report, parallel, sequential = run.report, run.parallel, run.sequential
    ratio, share = run.ratio, run.share
    ok = ratio <= RATIO_LIMIT
    if sequential < math.inf:
        note_timing("parallel/sequential wall time", ratio, RATIO_LIMIT, ok)
    # Workers clearly one at a time: that explains a missing speed-up, and a speed-up
    # measured all the same came from a slow sequential run (a burst of load).
    if report.overlap < AMBIGUOUS:
        check_parallel(numbers, workers, report, cpus)
    if ok:
        return
    if share < FAIR_SHARE:
        pytest.skip(f"the machine is too busy to measure a speed-up: the workers got only "
                    f"{share:.0%} of {run.busy:g} CPUs (ratio {ratio:.2f}); task 2 judges "
                    "whether they computed at the same time")
    check_parallel(numbers, workers, report, cpus)
    MSG.fail("no_speedup", parallel=parallel, sequential=sequential, numbers=numbers,
             timed=1, ratio=ratio, limit=RATIO_LIMIT, cpus=cpus, share=share)


@dataclass(frozen=True)
class SpeedupRun:
    """One measurement of the speed-up: the parallel call and the sequential one."""

    numbers: list[int]
    got: object  # what fibs_parallel returned
    report: CpuReport
    parallel: float  # wall seconds of fibs_parallel
    sequential: float  # wall seconds of fibs_sequential on the same numbers
    busy: float  # CPUs the workers could keep busy on average (the usable ones, in rounds)
    cpus: int  # the usable CPUs during the parallel call

    @property
    def ratio(self) -> float:
        """parallel / sequential (infinite when the sequential run was not needed)"""
        return self.parallel / self.sequential if self.sequential < math.inf else math.inf

    @property
    def share(self) -> float:
        """The share of their CPUs the workers got during the parallel call."""
        return self.report.child_cpu / (self.parallel * self.busy)


class DefaultRun:
    """``fibs_parallel(numbers)`` with the default workers, sampled and timed against
    ``fibs_sequential`` with every CPU (``machine.whole``): measured at the first ask,
    kept for the next; nothing (None) when there is only one usable CPU.

    One measurement serves two tests (each a task of its own): how many workers
    computed at once, and the speed-up. Both need every CPU and nothing beside them;
    measuring once spares a pool's start and a second of the whole machine. A
    measurement that load may have spoiled is taken once more, and each test takes the
    run that speaks best for the answer on its own question. What the call raised is
    raised again to each test (a hang is not waited out twice).
    """

    def __init__(self) -> None:
        self._runs: list[SpeedupRun] = []
        self._error: BaseException | None = None
        self._measured = False

    def _measure(self) -> list[SpeedupRun]:
        if not self._measured:
            self._measured = True
            try:
                numbers = [n_taking(0.5)] * 4  # about 2 s of sequential work
                first = time_both(numbers)
                if first is not None:
                    self._runs.append(first)
                    again = time_both(numbers) if doubtful(first) else None
                    if again is not None:
                        self._runs.append(again)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # noqa: BLE001 - SystemExit too: each test says so
                self._error = exc
        if self._error is not None:
            raise self._error
        return self._runs

    def evidence(self) -> SpeedupRun | None:
        """The run whose workers were seen together, if one was."""
        return min(self._measure(), key=lambda r: (not r.report.together(), r.ratio),
                   default=None)

    def speedup(self) -> SpeedupRun | None:
        """The run with the better speed-up."""
        return min(self._measure(), key=lambda r: r.ratio, default=None)


@pytest.fixture(scope="module")
def default_run() -> DefaultRun:
    return DefaultRun()


def doubtful(run: SpeedupRun) -> bool:
    """A verdict that a burst of load may have made: worth a second measurement.

    The CPUs of a shared machine change speed from one second to the next (the same
    number can take 40% more CPU time): a slow spell during the parallel call alone
    looks like a missing speed-up, and a burst of load can keep workers apart in
    some windows (yet fewer than half). Workers seen clearly one at a time need no
    second look, nor do wrong values or work done outside child processes: those
    verdicts do not depend on the machine's load.
    """
    if run.sequential == math.inf or run.report.overlap < AMBIGUOUS:
        return False
    slow = run.ratio > RATIO_LIMIT and run.share >= FAIR_SHARE
    return slow or not run.report.together()


def time_both(numbers: list[int]) -> SpeedupRun | None:
    """fibs_parallel (default workers) and fibs_sequential timed on ``numbers``; None when
    only one CPU is usable, even with the whole machine.

    Only the parallel call needs every CPU (``machine.whole``): a grader pauses its other
    test processes for it, and lets them go on while the sequential one runs, or as soon
    as the call shows it computes one thing at a time (``serial_watch``).
    """
    with machine.whole():
        cpus = usable_cpus()
        if cpus < 2:
            return None
        start = time.perf_counter()
        got, report = fibs_parallel(numbers, None, serial_after=scaled(SERIAL_AFTER))
        parallel = time.perf_counter() - start
    sequential = math.inf
    if (got == [reference_fib(n) for n in numbers] and children_computed(report)
            and report.overlap >= AMBIGUOUS):
        # The numbers are all the same, so one after another they take len(numbers)
        # times as long as one of them: timing one saves 1.5 s of every run. A wrong
        # result, no work in child processes, or workers clearly one at a time fail
        # without it.
        start = time.perf_counter()
        mod.fibs_sequential(numbers[:1])
        sequential = (time.perf_counter() - start) * len(numbers)
    # Four numbers on three CPUs take two rounds: on average two CPUs can be busy.
    busy = len(numbers) / math.ceil(len(numbers) / cpus)
    return SpeedupRun(numbers, got, report, parallel, sequential, busy, cpus)
