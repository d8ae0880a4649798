"""CPU time of descendant processes, sampled while a call runs.

This is the load-independent proof that work ran in parallel processes: a
sampler thread reads every descendant's CPU time every ``interval`` seconds
(psutil; the kernel counts it in 10 ms ticks). Afterwards the history is cut
into sliding windows and, in each, the workers that were computing are counted.
Two workers of a pool compute together in most windows even when other programs
keep the CPUs busy; a one-worker pool never does; threads show no child CPU at
all; processes run one after another overlap only around each hand-over.

Busy means "got at least half of its usual CPU rate in that window", and the
window grows when the machine is so busy that the workers get little CPU, so
the verdict does not depend on how loaded the machine is.

Each sample also notes which workers are running (the kernel's state R: on a CPU or
waiting for one), which says how many compute at the same instant; it tells workers
taking turns from workers computing together whatever the load (``crowding``).

The workers' total CPU time comes from the kernel's ledger rather than from the
samples (``descendant_cpu``): samples can miss the end of a worker's life, and
``getrusage(RUSAGE_CHILDREN)`` alone misses workers that are not our direct
children, as under the forkserver start method.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import psutil

from .leaks import descendants, service_pids

TICK = 0.01  # resolution of the kernel's per-process CPU accounting (USER_HZ = 100)


@dataclass
class CpuReport:
    samples: int = 0
    child_cpu: float = 0.0  # total CPU seconds used by workers during the call
    parent_cpu: float = 0.0  # CPU seconds of this process during the call
    pids: set[int] = field(default_factory=set)  # workers that used any CPU
    window: float = 0.1  # the window used (grows when workers get little CPU)
    busy_windows: int = 0  # windows in which at least one worker was busy
    overlap_windows: int = 0  # windows in which at least two workers were busy
    spans: dict[int, tuple[float, float]] = field(default_factory=dict)  # first..last busy
    running: list[int] = field(default_factory=list)  # workers running, at each sample

    @property
    def overlap(self) -> float:
        """Share of the busy windows in which two or more workers were computing."""
        return self.overlap_windows / self.busy_windows if self.busy_windows else 0.0

    def span_overlap(self) -> float:
        """The largest share of a worker's busy span that another worker's span covered.

        Needs no CPU-rate resolution, so it holds however starved the workers are:
        processes run one after another have (nearly) disjoint spans, while two pool
        workers sharing the numbers overlap almost completely.
        """
        best = 0.0
        spans = [s for s in self.spans.values() if s[1] > s[0]]
        for i, (a0, a1) in enumerate(spans):
            for b0, b1 in spans[i + 1:]:
                shared = min(a1, b1) - max(a0, b0)
                if shared > 0:
                    best = max(best, shared / min(a1 - a0, b1 - b0))
        return best

    def crowding(self, most: int) -> tuple[int, float]:
        """The most workers running at one sampled instant, and the share of the samples
        with any worker running in which more than ``most`` were.

        Running is the kernel's state R: on a CPU or waiting for one. It holds however
        starved the workers are, and tells turns from togetherness where CPU time
        cannot: pool workers taking the numbers in turns (one waits for the next number,
        asleep, while the other computes) each have a busy span from their first number
        to their last, and those spans cover each other. A process that ends while the
        next one starts is running with it for an instant or two, a tiny share of the
        samples; processes all started at once run together in nearly all of them.
        """
        busy = [n for n in self.running if n]
        if not busy:
            return 0, 0.0
        return max(busy), sum(n > most for n in busy) / len(busy)

    def together(self, min_windows: int = 3, min_share: float = 0.5) -> bool:
        """Workers computed at the same time for a good part of the call, not just once
        (a process that ends while the next one starts can share a window or two)."""
        return self.overlap_windows >= min_windows and self.overlap >= min_share


class ChildCpuSampler:
    def __init__(self, interval: float = 0.01, window: float = 0.1) -> None:
        self.interval = interval
        self.base_window = window
        self.report = CpuReport(window=window)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="course-cpu-sampler", daemon=True)
        self._history: list[tuple[float, dict[int, float]]] = []
        self._running: list[set[int]] = []
        self._baseline: dict[int, float] = {}
        self._procs: dict[int, psutil.Process] = {}
        self._services: set[int] = set()

    def _read(self, running: set[int] | None = None) -> dict[int, float]:
        """Every worker's CPU time; with ``running``, also collect the pids in state R."""
        seen: dict[int, float] = {}
        for child in descendants():
            if child.pid in self._services:
                continue
            proc = self._procs.setdefault(child.pid, child)
            with contextlib.suppress(psutil.Error), proc.oneshot():
                t = proc.cpu_times()
                if running is not None and proc.status() == psutil.STATUS_RUNNING:
                    running.add(child.pid)
                seen[child.pid] = t.user + t.system - self._baseline.get(child.pid, 0.0)
        return seen

    def _sample(self) -> None:
        running: set[int] = set()
        self._history.append((time.monotonic(), self._read(running)))
        self._running.append(running)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> ChildCpuSampler:
        self._services = service_pids()
        self._parent_start = _own_cpu()
        self._ledger_start = descendant_cpu(self._services)
        self._baseline = self._read()  # processes started during the call count from 0
        self._thread.start()
        return self

    def most_together(self, window: float = 0.2) -> int:
        """So far in the call: the most workers seen computing (two ticks or more) within
        one ``window`` of seconds. Read while the sampler runs."""
        history = list(self._history)
        most, j = 0, 0
        for t, reading in history:
            while j + 1 < len(history) and t - history[j + 1][0] >= window:
                j += 1
            if t - history[j][0] < window:
                continue
            before = history[j][1]
            grew = sum(1 for pid, cpu in reading.items() if cpu - before.get(pid, 0.0) >= 2 * TICK)
            most = max(most, grew)
        return most

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sample()
        self.report.parent_cpu = _own_cpu() - self._parent_start
        # Helpers that multiprocessing started during the call (the resource tracker or
        # the forkserver, under spawn and forkserver) are no workers: they still run now,
        # with their own command line, and their start-up must not count as a worker.
        late = service_pids() - self._services
        history = [(t, {p: c for p, c in r.items() if p not in late}) for t, r in self._history]
        analyse(history, self.base_window, self.report)
        self.report.running = [len(r - late) for r in self._running]
        # The samples miss whatever a worker computed after the last one that saw it
        # (a starved sampler thread can miss most of a short-lived worker); the
        # kernel's ledger misses nothing, so the total comes from it.
        exact = descendant_cpu(late | self._services) - self._ledger_start
        self.report.child_cpu = max(self.report.child_cpu, round(exact, 3))


def analyse(history: list[tuple[float, dict[int, float]]], base_window: float,
            report: CpuReport) -> None:
    """Fill ``report`` from the samples: totals, then busy workers per sliding window."""
    report.samples = len(history)
    last: dict[int, float] = {}
    first_busy: dict[int, float] = {}
    last_busy: dict[int, float] = {}
    for t, reading in history:
        for pid, cpu in reading.items():
            if cpu > last.get(pid, 0.0):
                first_busy.setdefault(pid, t)
                last_busy[pid] = t
            last[pid] = max(cpu, last.get(pid, 0.0))
    report.child_cpu = sum(last.values())
    report.pids = {p for p, cpu in last.items() if cpu > 0}
    report.spans = {p: (first_busy[p], last_busy[p]) for p in first_busy}
    # Each worker's usual CPU rate while it was working (1.0 = a whole CPU).
    rates = {}
    for pid in report.pids:
        span = last_busy[pid] - first_busy[pid]
        if span > 0 and last[pid] >= 3 * TICK:
            rates[pid] = min(1.0, last[pid] / span)
    if not rates:
        return
    def value(pid: int, at: float, reading: dict[int, float]) -> float:
        # A worker missing from a sample had not started yet, or had already ended.
        if pid in reading:
            return reading[pid]
        return last[pid] if at >= last_busy[pid] else 0.0

    slowest = min(rates.values())
    # Long enough for every worker to collect a few ticks, however busy the machine is.
    window = min(1.0, max(base_window, 4 * TICK / slowest))
    report.window = window
    for i, (t, reading) in enumerate(history):
        j = i
        while j > 0 and t - history[j][0] < window:
            j -= 1
        if t - history[j][0] < window:
            continue
        busy = 0
        for pid, rate in rates.items():
            grew = value(pid, t, reading) - value(pid, history[j][0], history[j][1])
            if grew >= max(TICK * 1.5, 0.5 * rate * window):
                busy += 1
        report.busy_windows += busy >= 1
        report.overlap_windows += busy >= 2


def descendant_cpu(services: set[int]) -> float:
    """CPU seconds used so far by every process descended from this one, living or not.

    When a process is reaped, the kernel adds its CPU time (and that of the children it
    reaped) to its parent's "children" counters; so the total is this process's
    children counters plus, for every living descendant, its own CPU time and its
    children counters. The multiprocessing services' own time is left out (their
    reaped children, the forkserver's workers, are counted).
    """
    own = psutil.Process().cpu_times()
    total = own.children_user + own.children_system
    for child in descendants():
        with contextlib.suppress(psutil.Error):
            t = child.cpu_times()
            total += t.children_user + t.children_system
            if child.pid not in services:
                total += t.user + t.system
    return total


def _own_cpu() -> float:
    t = psutil.Process().cpu_times()
    return t.user + t.system


@contextlib.contextmanager
def sample_children(**kwargs: float) -> Iterator[CpuReport]:
    sampler = ChildCpuSampler(**kwargs)
    with sampler:
        yield sampler.report
