"""CPU time of descendant processes, sampled while a call runs.

This is the load-independent proof that work ran in parallel processes: a
sampler thread reads every descendant's CPU time every ``interval`` seconds and
counts, for each sliding ``window``, how many processes gained at least
``busy`` seconds of CPU in it.  Two workers computing at once give 2 even when
other programs keep both cores busy; a one-worker pool gives 1; threads give 0.
(``getrusage(RUSAGE_CHILDREN)`` is no use here: it misses workers that are not
our direct children, as under the forkserver start method.)
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import psutil

from .leaks import service_pids


@dataclass
class CpuReport:
    samples: int = 0
    child_cpu: float = 0.0  # total CPU seconds used by workers during the call
    peak_busy: int = 0  # most workers busy within one window
    pids: set[int] = field(default_factory=set)  # workers that used any CPU
    parent_cpu: float = 0.0  # CPU seconds of this process during the call


class ChildCpuSampler:
    def __init__(self, interval: float = 0.01, window: float = 0.1, busy: float = 0.03) -> None:
        self.interval = interval
        self.window = window
        self.busy = busy
        self.report = CpuReport()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="course-cpu-sampler", daemon=True)
        self._history: list[tuple[float, dict[int, float]]] = []
        self._baseline: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self._procs: dict[int, psutil.Process] = {}
        self._services: set[int] = set()

    def _read(self) -> dict[int, float]:
        me = psutil.Process()
        seen: dict[int, float] = {}
        try:
            children = me.children(recursive=True)
        except psutil.Error:
            return seen
        for child in children:
            if child.pid in self._services:
                continue
            proc = self._procs.setdefault(child.pid, child)
            with contextlib.suppress(psutil.Error):
                t = proc.cpu_times()
                seen[child.pid] = t.user + t.system
        return seen

    def _run(self) -> None:
        while not self._stop.is_set():
            now = time.monotonic()
            reading = self._read()
            self._last.update(reading)
            self._history.append((now, reading))
            self._count(now, reading)
            self._stop.wait(self.interval)

    def _count(self, now: float, reading: dict[int, float]) -> None:
        self.report.samples += 1
        # the newest sample at least one window old
        base = None
        for t, old in reversed(self._history):
            if now - t >= self.window:
                base = old
                break
        if base is None:
            return
        busy = sum(1 for pid, cpu in reading.items() if cpu - base.get(pid, cpu) >= self.busy)
        self.report.peak_busy = max(self.report.peak_busy, busy)

    def __enter__(self) -> ChildCpuSampler:
        self._services = service_pids()
        self._parent_start = _own_cpu()
        self._baseline = self._read()  # processes started during the call count from 0
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._last.update(self._read())
        self._stop.set()
        self._thread.join(2)
        self.report.parent_cpu = _own_cpu() - self._parent_start
        used = {p: cpu - self._baseline.get(p, 0.0) for p, cpu in self._last.items()}
        self.report.child_cpu = sum(used.values())
        self.report.pids = {p for p, cpu in used.items() if cpu > 0}


def _own_cpu() -> float:
    t = psutil.Process().cpu_times()
    return t.user + t.system


@contextlib.contextmanager
def sample_children(**kwargs: float) -> Iterator[CpuReport]:
    sampler = ChildCpuSampler(**kwargs)
    with sampler:
        yield sampler.report
