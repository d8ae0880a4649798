"""Timeline for ex03: the given ``fibs_sequential``, then the learner's ``fibs_parallel``.

``fib`` is replaced by a traced stand-in that records each top-level call with the
CPU time its thread used, so the picture shows where every number was computed
and whether it was computing (a full bar) or getting only part of a CPU (a
lighter one: waiting for the GIL, or for a machine busy with other work). The
numbers are small, chosen so that one call takes about 0.15 s on this machine.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from tests.support.timeline import cpu_busy, patch
from tests.support.timing import usable_cpus

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.support.demo import Demo, Section

TARGET = 0.15  # seconds one fib call should take
WORKERS = 2
COUNT = 4


def pick_n(fib: Callable[[int], int], target: float = TARGET) -> int:
    """The n for which fib(n) takes about ``target`` seconds here (fib grows by φ per n),
    measured as the machine is now (the median of three runs, load included)."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        fib(22)
        runs.append(time.perf_counter() - start)
    phi = (1 + 5**0.5) / 2
    n = 22 + round(math.log(target / max(sorted(runs)[1], 1e-6)) / math.log(phi))
    return max(20, min(32, n))


def _rate(s: Section) -> float:
    busy = cpu_busy(s.timeline())
    return busy[0] / busy[1] if busy else 0.0


def scenario(demo: Demo) -> None:
    mod = demo.mod
    n = pick_n(mod.fib)
    numbers = [n] * COUNT
    with demo.section(f"fibs_sequential({numbers}) — given: one after another, here",
                      noun="fib calls", show_cpu=True) as s, \
            patch(mod, "fib", s.rec, "fib({0})"):
        start = time.perf_counter()
        s.call(f"fibs_sequential({numbers})", mod.fibs_sequential, numbers)
        sequential = time.perf_counter() - start
        sequential_rate = _rate(s)
        if sequential_rate < 0.75:
            s.note(f"This machine is busy: even one thread got only {sequential_rate:.0%} of "
                   "a CPU, so every bar below is lighter and slower than it would be.")

    title = f"fibs_parallel({numbers}, workers={WORKERS}) — yours: worker processes"
    with demo.section(title, noun="fib calls", show_cpu=True, overlap=True) as s, \
            patch(mod, "fib", s.rec, "fib({0})"):
        start = time.perf_counter()
        s.call(f"fibs_parallel({numbers}, workers={WORKERS})", mod.fibs_parallel, numbers,
               WORKERS)
        parallel = time.perf_counter() - start
        s.note(f"fibs_parallel took {parallel:.2f} s and kept {_rate(s):.1f} CPU(s) busy; "
               f"fibs_sequential took {sequential:.2f} s with {sequential_rate:.1f}.")
        _explain(s)


def _explain(s: Section) -> None:
    work = s.work()
    if not work:
        s.note("No call of fib was seen: does fibs_parallel hand the module's fib to the "
               "workers (pool.map(fib, numbers))? A helper that calls fib inside a spawned "
               "worker is not traced.")
        return
    home = [w for w in work if w.pid == s.timeline().home_pid]
    if home:
        threads = {(w.thread_id, w.thread) for w in home}
        where = f"{len(threads)} threads of" if len(threads) > 1 else "the main thread of"
        s.note(f"The fib calls ran in {where} the demo's own process. Threads share one GIL: "
               "only one of them runs Python code at a time, so CPU-bound work gets no "
               "faster — compare the CPUs kept busy. Use a pool of processes.")
    elif s.peak() < 2:
        s.note("The calls ran in other processes, but one at a time: hand all the numbers to "
               "a pool of several workers before waiting for any result.")
    else:
        s.note(f"{len({w.pid for w in work})} worker processes computed at the same time, each "
               "with its own interpreter and its own GIL.")
    if usable_cpus() < 2:
        s.note("The demo may use one CPU only on this machine, so two processes cannot "
               "compute at the same moment here.")
