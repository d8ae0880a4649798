"""Right answer: the usable CPUs read once, at import; a ProcessPoolExecutor per call.

Exercise 03 — CPU-bound work and the GIL: threads give no speed-up, processes do.

``fib`` is deliberately slow: pure Python arithmetic, no waiting. In CPython the
Global Interpreter Lock lets only one thread of a process run Python bytecode at
a time, so splitting this work over threads does not make it faster. Separate
*processes* each have their own interpreter and their own GIL, and run on
different CPU cores at the same time.

Task 1: ``fibs_parallel`` — compute ``fib`` of every number in worker processes,
        results in input order.
Task 2: the workers really compute at the same time (``workers`` of them).
Task 3: it is faster than ``fibs_sequential`` on a machine with 2+ CPUs.

Check your work with ``nox -s check-ex03``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor


def fib(n: int) -> int:
    """The n-th Fibonacci number, slowly: fib(1) == 0, fib(2) == 1 (given, complete)."""
    if n == 1:
        return 0
    if n == 2:
        return 1
    return fib(n - 1) + fib(n - 2)


def fibs_sequential(numbers: Sequence[int]) -> list[int]:
    """fib of every number, one after another in this process (given, complete)."""
    return [fib(n) for n in numbers]


def _usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# Looked up once, when the module is imported: a process keeps the CPUs it started with.
CPUS = _usable_cpus()


def fibs_parallel(numbers: Sequence[int], workers: int | None = None) -> list[int]:
    """fib of every number, computed in worker processes; results in input order.

    ``workers`` is how many processes compute at once; ``None`` means as many as
    this process may use (``len(os.sched_getaffinity(0))`` where it exists,
    ``os.cpu_count()`` elsewhere).
    """
    if not numbers:
        return []
    with ProcessPoolExecutor(max_workers=workers or CPUS) as pool:
        return list(pool.map(fib, numbers))
