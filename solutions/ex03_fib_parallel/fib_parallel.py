"""Exercise 03 — CPU-bound work and the GIL (reference solution)."""

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


def usable_cpus() -> int:
    """CPUs this process may run on (the affinity mask), not all CPUs of the machine."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity API
        return os.cpu_count() or 1


def fibs_parallel(numbers: Sequence[int], workers: int | None = None) -> list[int]:
    """fib of every number, computed in worker processes; results in input order."""
    if not numbers:
        return []
    count = workers if workers is not None else usable_cpus()
    # Each worker is a separate process with its own interpreter and its own GIL,
    # so `count` of them compute at the same time on different cores.
    # The `with` block shuts the pool down: no worker outlives the call.
    with ProcessPoolExecutor(max_workers=count) as pool:
        # map() returns results in input order, whatever order they finish in.
        return list(pool.map(fib, numbers))
